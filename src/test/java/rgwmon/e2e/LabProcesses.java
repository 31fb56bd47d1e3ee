package rgwmon.e2e;

import java.nio.file.Path;
import java.util.List;

/** The lab's daemons as the OS sees them: every ceph-mon/ceph-osd/radosgw runs with -c LAB_DIR/.../ceph.conf. */
final class LabProcesses {

    private LabProcesses() {
    }

    /** "pid command line" of every process still using a ceph.conf under the lab dir. */
    static List<String> running(Path labDir) {
        String marker = labDir.toString() + "/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker) && c.contains("ceph.conf")).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
    }
}
