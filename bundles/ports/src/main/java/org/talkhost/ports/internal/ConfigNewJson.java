package org.talkhost.ports.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the port into AllTalk's own {@code confignew.json}: v1 {@code port_number} (a string), v2
 * {@code api_def.api_port_number} and {@code gradio_port_number} (ints). Every other key stays, in its
 * order; the file is written to a temporary file and moved into place; the original is copied once to
 * {@code confignew.json.talkhost-backup}. A file that is not valid JSON, or not laid out as AllTalk
 * writes it, is left untouched.
 */
final class ConfigNewJson {
    static final String FILE = "confignew.json";
    static final String BACKUP = "confignew.json.talkhost-backup";

    enum Outcome {
        WRITTEN,
        UNCHANGED,
        MISSING,
        MALFORMED,
        ODD_LAYOUT,
        FAILED
    }

    /**
     * @param outcome what happened
     * @param file    the file
     * @param backup  the backup, when one exists
     * @param line    for MALFORMED, the line where reading failed (0 when not known)
     * @param error   for FAILED and MALFORMED, the technical reason (for the log)
     */
    record Result(Outcome outcome, Path file, Path backup, int line, String error) {}

    /** The shape of the file: v1, v2, or whatever the file itself shows. */
    enum Layout {
        V1,
        V2,
        AS_FOUND
    }

    /** Made at the first write, not when TalkHost starts (building a mapper takes tens of milliseconds). */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII) // as Python's json.dump does
                .build();
    }

    Result writePorts(Path dir, Layout layout, int port, int uiPort) {
        Path file = dir.resolve(FILE);
        Path backup = dir.resolve(BACKUP);
        if (!Files.isRegularFile(file)) {
            return new Result(Outcome.MISSING, file, null, 0, null);
        }
        try {
            byte[] original = Files.readAllBytes(file);
            JsonNode tree;
            try {
                tree = Json.MAPPER.readTree(original);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                return new Result(Outcome.MALFORMED, file, null, Math.max(0, line), e.getOriginalMessage());
            }
            if (!(tree instanceof ObjectNode root) || !fits(root, layout)) {
                return new Result(Outcome.ODD_LAYOUT, file, null, 0, null);
            }
            boolean v2 = layout == Layout.V2 || layout == Layout.AS_FOUND && root.has("api_def");
            boolean changed = v2 ? setV2(root, port, uiPort) : setV1(root, port);
            if (!changed) {
                return new Result(Outcome.UNCHANGED, file, Files.exists(backup) ? backup : null, 0, null);
            }
            if (!Files.exists(backup)) {
                Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
            String eol = new String(original, StandardCharsets.ISO_8859_1).contains("\r\n") ? "\r\n" : "\n";
            replace(file, Json.MAPPER.writer(printer(eol)).writeValueAsBytes(root));
            return new Result(Outcome.WRITTEN, file, backup, 0, null);
        } catch (IOException | RuntimeException e) {
            return new Result(Outcome.FAILED, file, Files.exists(backup) ? backup : null, 0, e.toString());
        }
    }

    private static boolean fits(ObjectNode root, Layout layout) {
        JsonNode apiDef = root.get("api_def");
        return apiDef == null ? layout != Layout.V2 || !root.has("port_number") : apiDef.isObject();
    }

    private static boolean setV1(ObjectNode root, int port) {
        String value = String.valueOf(port);
        if (value.equals(root.path("port_number").asText(null))
                && root.get("port_number").isTextual()) {
            return false;
        }
        root.put("port_number", value);
        return true;
    }

    private static boolean setV2(ObjectNode root, int port, int uiPort) {
        ObjectNode apiDef = root.has("api_def") ? (ObjectNode) root.get("api_def") : root.putObject("api_def");
        boolean changed = setInt(apiDef, "api_port_number", port);
        if (uiPort > 0) {
            changed |= setInt(root, "gradio_port_number", uiPort);
        }
        return changed;
    }

    private static boolean setInt(ObjectNode node, String key, int value) {
        JsonNode old = node.get(key);
        if (old != null && old.isIntegralNumber() && old.asInt() == value) {
            return false;
        }
        node.put(key, value);
        return true;
    }

    /** Like Python's {@code json.dump(indent=4)}. */
    private static DefaultPrettyPrinter printer(String eol) {
        DefaultIndenter indent = new DefaultIndenter("    ", eol);
        return new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""))
                .withObjectIndenter(indent)
                .withArrayIndenter(indent);
    }

    /** Temporary file in the same folder, same permissions, flushed to disk, then moved over the original. */
    private static void replace(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + FILE + ".", ".tmp");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
            }
            try (FileChannel out =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(ByteBuffer.wrap(bytes));
                out.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
