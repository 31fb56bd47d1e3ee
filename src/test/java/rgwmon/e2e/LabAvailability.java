package rgwmon.e2e;

import org.junit.jupiter.api.Assertions;

/**
 * Whether this machine can run the real lab. Where it cannot (not root, or the Ceph packages are
 * missing and apt cannot install them) the suite is skipped with a loud message — except on CI
 * (CI=true), where a skipped end-to-end suite would hide that it never ran: there it fails. Every
 * step is then reported as skipped, so the summary shows it too.
 */
final class LabAvailability {

    private LabAvailability() {
    }

    /**
     * null when the lab can run here; otherwise the reason, already announced loudly. Under CI=true
     * an unavailable lab fails instead.
     */
    static String skipReason(CephLab lab) {
        String reason = whyNot(lab);
        if (reason == null) {
            return null;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true, so the end-to-end suite must run, but " + reason);
        }
        String banner = "!".repeat(100);
        System.err.println(banner);
        System.err.println("!!! END-TO-END SUITE SKIPPED: " + reason);
        System.err.println("!!! Run it as root on Debian bookworm (see the README section Integration tests on a real Ceph multisite); CI=true turns this skip into a failure.");
        System.err.println(banner);
        return "END-TO-END SUITE SKIPPED: " + reason;
    }

    /** null when the lab can run; otherwise the one-line reason. */
    private static String whyNot(CephLab lab) {
        long uid = lab.userId();
        if (uid != 0) {
            return "not root (uid " + uid + "): ceph-lab.sh needs root to install the Ceph packages and run its daemons";
        }
        ExternalCommand.Result install = lab.install();
        if (!install.succeeded()) {
            return "the Ceph packages are missing and cannot be installed: ceph-lab.sh install exited "
                    + install.exitCode() + ": " + LogFiles.lastLines(install.stderr().strip(), 3);
        }
        return null;
    }
}
