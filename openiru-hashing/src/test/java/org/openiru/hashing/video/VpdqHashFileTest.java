package org.openiru.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openiru.hashing.Hash256;
import org.openiru.hashing.HashingException;

class VpdqHashFileTest {

    private static final String HEX = "e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c";

    @Test
    void readsFramesAndSkipsBlankLines() throws Exception {
        List<VpdqFrame> frames = VpdqHashFile.read(new StringReader("0,100," + HEX + ",0.000\n\n1,49," + HEX
                + ",0.033\n"), "t.txt");
        assertThat(frames).containsExactly(new VpdqFrame(0, 100, Hash256.fromHex(HEX), 0),
                new VpdqFrame(1, 49, Hash256.fromHex(HEX), 0.033));
    }

    @Test
    void readsEveryReferenceFile() throws Exception {
        assertThat(VideoData.reference("chair-19-sd-bar")).hasSize(564);
        assertThat(VideoData.reference("pattern-longer-no-bar-128x128")).hasSize(235);
    }

    @Test
    void errorsNameTheSourceAndLine() {
        assertError("0,100," + HEX + ",0.0\n1,100," + HEX + "\n", "t.txt: line 2: expected frame_number,quality,"
                + "pdq_hex,timestamp_seconds but found 3 fields");
        assertError("x,100," + HEX + ",0.0\n", "t.txt: line 1: frame number 'x' is not a whole number");
        assertError("0,101," + HEX + ",0.0\n", "t.txt: line 1: quality 101 is outside 0..100");
        assertError("0,100,abc,0.0\n", "t.txt: line 1: expected 64 hex digits, got 3 characters");
        assertError("0,100," + HEX + ",soon\n", "t.txt: line 1: timestamp 'soon' is not a number");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> VpdqHashFile.read(new StringReader(text), "t.txt"))
                .isInstanceOf(HashingException.class).hasMessage(message);
    }
}
