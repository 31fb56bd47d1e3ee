package rgwmon.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zone's bearer token for the primary: given directly, or read from a file on every push (so
 * a rotated token is picked up without a restart; the file is better under systemd than a command
 * line, which every local user can read in /proc). Never printed: {@link #toString()} is masked.
 */
public final class AgentToken {

    private final String value;
    private final Path file;

    public AgentToken(String value, String file) {
        this.value = value == null ? "" : value.trim();
        this.file = file == null || file.isBlank() ? null : Path.of(file.trim());
    }

    public boolean isConfigured() {
        return !value.isEmpty() || file != null;
    }

    /** The token, or an exception whose message names the file but never the secret. */
    public String value() throws IOException {
        if (file != null) {
            String read;
            try {
                read = Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw new IOException("cannot read token file " + file + ": " + e.getClass().getSimpleName(), e);
            }
            if (read.isEmpty() || read.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IOException("token file " + file + " is empty or holds more than one printable word");
            }
            return read;
        }
        if (value.isEmpty()) {
            throw new IOException("no token: give --token-file, --token or RGW_AGENT_TOKEN");
        }
        return value;
    }

    /** Where the token comes from, for messages. */
    public String source() {
        return file != null ? "token file " + file : value.isEmpty() ? "no token" : "token given directly";
    }

    @Override
    public String toString() {
        return "AgentToken[" + source() + "]";
    }
}
