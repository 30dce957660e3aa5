package dev.outrigger.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * A hook's class file, read and renamed without ASM: a hook names itself only in its constant pool, so renaming it
 * rewrites the constant pool's strings and copies the rest of the file as it is. Sparing ASM's remapper keeps about
 * a dozen classes and a second full pass over a class file out of an app's start-up.
 */
final class HookClassFile {
    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;

    private final byte[] bytes;

    HookClassFile(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @return the internal name of its superclass, {@code dev/outrigger/bootstrap/OnExit} for instance */
    String superName() throws IOException {
        Pool pool = read();
        pool.tail.skipNBytes(4); // access flags, this class
        return pool.strings[pool.classNames[pool.tail.readUnsignedShort()]];
    }

    /** @return this class file with every mention of {@code from} (an internal name) made one of {@code to} */
    byte[] renamed(String from, String to) throws IOException {
        int count = (bytes[8] & 0xFF) << 8 | bytes[9] & 0xFF; // the constant pool's, after magic and version
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 256);
        DataOutputStream data = new DataOutputStream(out);
        data.write(bytes, 0, 10);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 10, bytes.length - 10));
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            data.writeByte(tag);
            if (tag == UTF8) {
                String text = in.readUTF();
                data.writeUTF(text.equals(from) ? to : text.replace('L' + from + ';', 'L' + to + ';'));
            } else {
                byte[] entry = new byte[entrySize(tag)];
                in.readFully(entry);
                data.write(entry);
                i += tag == LONG || tag == DOUBLE ? 1 : 0;
            }
        }
        in.transferTo(data);
        return out.toByteArray();
    }

    /** The constant pool's strings and, for each class constant, the index of its name; and the file after it. */
    private record Pool(String[] strings, int[] classNames, DataInputStream tail) {
    }

    private Pool read() throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readInt(); // minor and major version
        int count = in.readUnsignedShort();
        String[] strings = new String[count];
        int[] classNames = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            if (tag == UTF8) {
                strings[i] = in.readUTF();
            } else if (tag == 7) { // a class: the index of its name
                classNames[i] = in.readUnsignedShort();
            } else {
                in.skipNBytes(entrySize(tag));
                i += tag == LONG || tag == DOUBLE ? 1 : 0;
            }
        }
        return new Pool(strings, classNames, in);
    }

    /** The size of a constant pool entry after its tag, for every tag but UTF8's. */
    private static int entrySize(int tag) throws IOException {
        switch (tag) {
            case 7: case 8: case 16: case 19: case 20: // class, string, method type, module, package
                return 2;
            case 15: // method handle
                return 3;
            case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                return 4;
            case LONG: case DOUBLE:
                return 8;
            default:
                throw new IOException("unknown constant pool tag " + tag);
        }
    }
}
