package rgwmon;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages use the demo command's package-private helpers. */
public final class DemoCommandAccess {

    private DemoCommandAccess() {
    }

    public static Path extractStandIn(Path dir) throws IOException {
        return DemoCommand.extractStandIn(dir);
    }
}
