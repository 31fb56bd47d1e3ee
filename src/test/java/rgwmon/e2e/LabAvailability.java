package rgwmon.e2e;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this machine can run the real lab. Where it cannot (not root and the Ceph packages
 * missing, or apt cannot install them) the suite is skipped with a loud message — except on CI
 * (CI=true), where a skipped end-to-end suite would hide that it never ran: there it fails.
 */
final class LabAvailability {

    private LabAvailability() {
    }

    static void requireLab(CephLab lab) {
        ExternalCommand.Result install = lab.install();
        if (install.succeeded()) {
            return;
        }
        String reason = "the Ceph lab cannot run here: ceph-lab.sh install exited " + install.exitCode() + ": "
                + LogFiles.lastLines(install.stderr().strip(), 3)
                + " (it needs root to apt-get install ceph-mon ceph-osd radosgw ceph-common python3-boto3)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true, so the end-to-end suite must run, but " + reason);
        }
        String banner = "!".repeat(100);
        System.err.println(banner);
        System.err.println("!!! END-TO-END SUITE SKIPPED: " + reason);
        System.err.println("!!! Run it as root on Debian bookworm (see docs-e2e.md); CI=true turns this skip into a failure.");
        System.err.println(banner);
        Assumptions.abort("END-TO-END SUITE SKIPPED: " + reason);
    }
}
