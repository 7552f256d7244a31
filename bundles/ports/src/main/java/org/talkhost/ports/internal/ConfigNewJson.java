package org.talkhost.ports.internal;

import java.io.ByteArrayOutputStream;
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

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * Writes the port into AllTalk's own {@code confignew.json}: v1 {@code port_number} (a string), v2
 * {@code api_def.api_port_number} and {@code gradio_port_number} (ints). Every other key stays, in its
 * order; the file is written to a temporary file and moved into place; the original is copied once to
 * {@code confignew.json.talkhost-backup}. A file that is not valid JSON, or not laid out as AllTalk
 * writes it, is left untouched. Read and written token by token (Jackson's streaming API): numbers keep their
 * exact text ({@code 1.50} stays {@code 1.50}). Jackson's tree model did the same with ~300 more classes loaded at
 * every start (about 2 MB of the host's memory, and tens of milliseconds), for one small file.
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

    /** Made at the first write, not when TalkHost starts. */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder()
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII) // as Python's json.dump does
                .build();
    }

    /** What the file says where TalkHost writes; a value is null when its key is absent. */
    private static final class Found {
        boolean object;
        JsonToken apiDef;
        JsonToken portNumber;
        String portNumberText;
        Long apiPort;
        Long gradioPort;
    }

    Result writePorts(Path dir, Layout layout, int port, int uiPort) {
        Path file = dir.resolve(FILE);
        Path backup = dir.resolve(BACKUP);
        if (!Files.isRegularFile(file)) {
            return new Result(Outcome.MISSING, file, null, 0, null);
        }
        try {
            byte[] original = Files.readAllBytes(file);
            Found found;
            try {
                found = read(original);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                return new Result(Outcome.MALFORMED, file, null, Math.max(0, line), e.getOriginalMessage());
            }
            if (!found.object || !fits(found, layout)) {
                return new Result(Outcome.ODD_LAYOUT, file, null, 0, null);
            }
            boolean v2 = layout == Layout.V2 || layout == Layout.AS_FOUND && found.apiDef != null;
            boolean changed = v2 ? changesV2(found, port, uiPort) : changesV1(found, port);
            if (!changed) {
                return new Result(Outcome.UNCHANGED, file, Files.exists(backup) ? backup : null, 0, null);
            }
            if (!Files.exists(backup)) {
                Files.copy(file, backup, StandardCopyOption.COPY_ATTRIBUTES);
            }
            String eol = new String(original, StandardCharsets.ISO_8859_1).contains("\r\n") ? "\r\n" : "\n";
            replace(file, rewrite(original, v2, port, uiPort, eol));
            return new Result(Outcome.WRITTEN, file, backup, 0, null);
        } catch (IOException | RuntimeException e) {
            return new Result(Outcome.FAILED, file, Files.exists(backup) ? backup : null, 0, e.toString());
        }
    }

    /** Reads the whole file (so that a damaged one is refused whole) and notes the values TalkHost writes. */
    private static Found read(byte[] original) throws IOException {
        Found f = new Found();
        try (JsonParser p = Json.FACTORY.createParser(original)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return f; // empty: not an object
            }
            f.object = t == JsonToken.START_OBJECT;
            String rootField = null;
            int depth = 0;
            for (; t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        String name = p.currentName();
                        if (depth == 1) {
                            rootField = name;
                            JsonToken value = p.nextToken();
                            switch (name) {
                                case "api_def" -> f.apiDef = value;
                                case "port_number" -> {
                                    f.portNumber = value;
                                    f.portNumberText = value.isScalarValue() ? p.getText() : null;
                                }
                                case "gradio_port_number" -> f.gradioPort = integer(p, value);
                                default -> {}
                            }
                            if (value.isStructStart()) {
                                depth++;
                            }
                        } else if (depth == 2 && "api_def".equals(rootField) && name.equals("api_port_number")) {
                            JsonToken value = p.nextToken();
                            f.apiPort = integer(p, value);
                            if (value.isStructStart()) {
                                depth++;
                            }
                        }
                    }
                    default -> {}
                }
                if (depth == 0) {
                    break;
                }
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "Trailing token after the end of the file's JSON value");
            }
        }
        return f;
    }

    private static Long integer(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                ? p.getLongValue()
                : null;
    }

    private static boolean fits(Found f, Layout layout) {
        return f.apiDef == null ? layout != Layout.V2 || f.portNumber == null : f.apiDef == JsonToken.START_OBJECT;
    }

    private static boolean changesV1(Found f, int port) {
        return f.portNumber != JsonToken.VALUE_STRING || !String.valueOf(port).equals(f.portNumberText);
    }

    private static boolean changesV2(Found f, int port, int uiPort) {
        return f.apiPort == null || f.apiPort != port || uiPort > 0 && (f.gradioPort == null || f.gradioPort != uiPort);
    }

    /**
     * The file again, token by token, with the ports put in: a value replaced where its key is, a key that is
     * missing added at the end of its object (as a JSON object in Python or Jackson's tree adds it).
     */
    private static byte[] rewrite(byte[] original, boolean v2, int port, int uiPort, String eol) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 64);
        try (JsonParser p = Json.FACTORY.createParser(original);
                JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(printer(eol));
            int depth = 0;
            String rootField = null;
            boolean inApiDef = false;
            boolean apiDefSeen = false;
            boolean portDone = false;
            boolean uiDone = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (depth == 1) {
                        rootField = name;
                        apiDefSeen |= name.equals("api_def");
                    }
                    boolean v1Port = depth == 1 && !v2 && name.equals("port_number");
                    boolean ui = depth == 1 && v2 && uiPort > 0 && name.equals("gradio_port_number");
                    boolean apiPort = depth == 2 && v2 && inApiDef && name.equals("api_port_number");
                    if (v1Port || ui || apiPort) {
                        g.writeFieldName(name);
                        p.nextToken();
                        p.skipChildren();
                        if (v1Port) {
                            g.writeString(String.valueOf(port));
                        } else {
                            g.writeNumber(ui ? uiPort : port);
                        }
                        portDone |= v1Port || apiPort;
                        uiDone |= ui;
                        continue;
                    }
                } else if (t.isStructStart()) {
                    depth++;
                    if (depth == 2) {
                        inApiDef = t == JsonToken.START_OBJECT && "api_def".equals(rootField);
                    }
                } else if (t.isStructEnd()) {
                    if (depth == 2 && inApiDef) {
                        if (v2 && !portDone) {
                            g.writeNumberField("api_port_number", port);
                            portDone = true;
                        }
                        inApiDef = false;
                    } else if (depth == 1) {
                        if (!v2 && !portDone) {
                            g.writeStringField("port_number", String.valueOf(port));
                        }
                        if (v2 && !apiDefSeen) {
                            g.writeObjectFieldStart("api_def");
                            g.writeNumberField("api_port_number", port);
                            g.writeEndObject();
                        }
                        if (v2 && uiPort > 0 && !uiDone) {
                            g.writeNumberField("gradio_port_number", uiPort);
                        }
                    }
                    depth--;
                }
                g.copyCurrentEventExact(p);
            }
        }
        return out.toByteArray();
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
