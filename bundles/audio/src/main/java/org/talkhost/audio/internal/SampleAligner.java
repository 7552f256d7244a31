package org.talkhost.audio.internal;

/**
 * Keeps chunks of a byte stream on whole frames: a network read may end in the middle of a sample,
 * and a half sample would turn into noise once scaled.
 */
final class SampleAligner {
    private final int frameBytes;
    private final byte[] carry;
    private int carried;

    SampleAligner(int channels) {
        this.frameBytes = 2 * Math.max(1, channels);
        this.carry = new byte[frameBytes];
    }

    /** The whole frames of what was carried plus {@code buf[0..n)}; the rest is kept for the next call. */
    byte[] align(byte[] buf, int offset, int n) {
        int total = carried + n;
        int whole = total - total % frameBytes;
        byte[] out = new byte[whole];
        int fromCarry = Math.min(carried, whole);
        System.arraycopy(carry, 0, out, 0, fromCarry);
        int fromBuf = whole - fromCarry;
        System.arraycopy(buf, offset, out, fromCarry, fromBuf);
        // what is left: the rest of the carry (only when nothing whole came) and the tail of buf
        byte[] rest = new byte[total - whole];
        int restFromCarry = carried - fromCarry;
        System.arraycopy(carry, fromCarry, rest, 0, restFromCarry);
        System.arraycopy(buf, offset + fromBuf, rest, restFromCarry, n - fromBuf);
        System.arraycopy(rest, 0, carry, 0, rest.length);
        carried = rest.length;
        return out;
    }

    /** Bytes left over at the end (an incomplete frame, dropped). */
    int leftover() {
        return carried;
    }
}
