package org.talkhost.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What a feature file said, kept in a small binary file next to the framework's storage, with the length and
 * checksum of the feature file it came from. Read only when those match, so any edit of the feature file (or a
 * cache from another version of this format) means the feature file is read again. Configuration values of a type
 * this format does not know make the feature uncacheable: then nothing is written and every start reads the file.
 */
final class FeatureCache {
    /** Changes whenever the layout below changes. */
    private static final int FORMAT = 1;

    private static final List<Class<?>> TYPES = List.of(
            String.class,
            Integer.class,
            Long.class,
            Double.class,
            Float.class,
            Boolean.class,
            Short.class,
            Byte.class,
            Character.class);

    private FeatureCache() {}

    /** The feature cached in {@code cache} for exactly {@code source}; null when there is none or it is unusable. */
    static FeatureFile read(Path cache, byte[] source) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(cache);
        } catch (IOException e) {
            return null; // none yet
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT || in.readInt() != source.length || in.readLong() != checksum(source)) {
                return null;
            }
            String name = in.readUTF();
            List<FeatureFile.Entry> bundles = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                bundles.add(new FeatureFile.Entry(
                        in.readUTF(), in.readUTF(), in.readUTF(), in.readInt(), in.readBoolean()));
            }
            Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                String pid = in.readUTF();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int k = in.readInt(); k > 0; k--) {
                    values.put(in.readUTF(), readValue(in));
                }
                configurations.put(pid, values);
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                properties.put(in.readUTF(), in.readUTF());
            }
            return new FeatureFile(name, List.copyOf(bundles), configurations, properties);
        } catch (IOException | RuntimeException e) {
            return null; // cut short or from an older format: read the feature file itself
        }
    }

    /** Writes {@code feature}, read from {@code source}, to {@code cache}; quietly does nothing when it cannot. */
    static void write(Path cache, byte[] source, FeatureFile feature) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(source.length);
            out.writeLong(checksum(source));
            out.writeUTF(feature.name);
            out.writeInt(feature.bundles.size());
            for (FeatureFile.Entry e : feature.bundles) {
                out.writeUTF(e.groupId());
                out.writeUTF(e.artifactId());
                out.writeUTF(e.version());
                out.writeInt(e.startOrder());
                out.writeBoolean(e.optional());
            }
            out.writeInt(feature.configurations.size());
            for (Map.Entry<String, Map<String, Object>> c : feature.configurations.entrySet()) {
                out.writeUTF(c.getKey());
                out.writeInt(c.getValue().size());
                for (Map.Entry<String, Object> v : c.getValue().entrySet()) {
                    out.writeUTF(v.getKey());
                    if (!writeValue(out, v.getValue())) {
                        return; // a value this format cannot hold: no cache
                    }
                }
            }
            out.writeInt(feature.frameworkProperties.size());
            for (Map.Entry<String, String> p : feature.frameworkProperties.entrySet()) {
                out.writeUTF(p.getKey());
                out.writeUTF(p.getValue());
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.createDirectories(cache.getParent());
            // written beside it and moved into place, so a start running at the same time reads all or nothing
            Path next = cache.resolveSibling(
                    cache.getFileName() + "." + ProcessHandle.current().pid());
            Files.write(next, bytes.toByteArray());
            Files.move(next, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // not writable (a read-only install): every start reads the feature file
        }
    }

    private static long checksum(byte[] source) {
        CRC32 crc = new CRC32();
        crc.update(source);
        return crc.getValue();
    }

    /** A value as its type's index in {@link #TYPES} (negative: an array of it), then the value. */
    private static boolean writeValue(DataOutputStream out, Object value) throws IOException {
        if (value != null && value.getClass().isArray()) {
            int type = TYPES.indexOf(value.getClass().getComponentType());
            if (type < 0) {
                return false;
            }
            out.writeByte(-1 - type);
            int n = Array.getLength(value);
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                if (Array.get(value, i) == null) {
                    return false;
                }
                writeOne(out, type, Array.get(value, i));
            }
            return true;
        }
        int type = value == null ? -1 : TYPES.indexOf(value.getClass());
        if (type < 0) {
            return false;
        }
        out.writeByte(type);
        writeOne(out, type, value);
        return true;
    }

    private static void writeOne(DataOutputStream out, int type, Object v) throws IOException {
        switch (type) {
            case 0 -> out.writeUTF((String) v);
            case 1 -> out.writeInt((Integer) v);
            case 2 -> out.writeLong((Long) v);
            case 3 -> out.writeDouble((Double) v);
            case 4 -> out.writeFloat((Float) v);
            case 5 -> out.writeBoolean((Boolean) v);
            case 6 -> out.writeShort((Short) v);
            case 7 -> out.writeByte((Byte) v);
            default -> out.writeChar((Character) v);
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        if (tag >= 0) {
            return readOne(in, tag);
        }
        int type = -1 - tag;
        int n = in.readInt();
        Object array = Array.newInstance(TYPES.get(type), n);
        for (int i = 0; i < n; i++) {
            Array.set(array, i, readOne(in, type));
        }
        return array;
    }

    private static Object readOne(DataInputStream in, int type) throws IOException {
        return switch (type) {
            case 0 -> in.readUTF();
            case 1 -> in.readInt();
            case 2 -> in.readLong();
            case 3 -> in.readDouble();
            case 4 -> in.readFloat();
            case 5 -> in.readBoolean();
            case 6 -> in.readShort();
            case 7 -> in.readByte();
            case 8 -> in.readChar();
            default -> throw new IOException("unknown value type " + type);
        };
    }
}
