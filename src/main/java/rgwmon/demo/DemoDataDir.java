package rgwmon.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The stand-in radosgw-admin's data directory. Each file is replaced atomically (written aside,
 * then renamed), so a call never reads a half-written output; unchanged files are not rewritten.
 */
public final class DemoDataDir {

    private final Path root;
    private final Map<String, String> written = new HashMap<>();

    public DemoDataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** Writes every changed file; returns how many were written. */
    public synchronized int write(Map<String, String> files) {
        int count = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (file.getValue().equals(written.get(file.getKey()))) {
                continue;
            }
            Path target = root.resolve(file.getKey()).normalize();
            if (!target.startsWith(root)) {
                throw new IllegalArgumentException("output path outside the data directory: " + file.getKey());
            }
            try {
                Files.createDirectories(target.getParent());
                Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
                Files.writeString(temp, file.getValue(), StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write demo output " + target, e);
            }
            written.put(file.getKey(), file.getValue());
            count++;
        }
        return count;
    }
}
