package fr.passerelle.companycsv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyRowBufferTest {

    @Test
    void aRowIsItsLineThenItsValuesTabSeparatedWithNullsAndSeparatorsAsCopyReadsThem() {
        var buffer = new CopyRowBuffer(8);
        buffer.row(row(12, "a\\b\tc\nd\re"));
        buffer.row(row(1_234_567_890_123L, null));

        assertThat(text(buffer)).isEqualTo("12\t13000548121800\ta\\\\b\\tc\\nd\\re" + "\t\\N".repeat(14) + "\n"
                + "1234567890123\t13000548121800" + "\t\\N".repeat(15) + "\n");
    }

    @Test
    void textIsEncodedAsStringGetBytesEncodesItInUtf8() {
        // ASCII, two-byte (é), three-byte (€, ’), four-byte (a surrogate pair), and halves of a pair alone.
        for (String value : new String[] {"Côte-d’Or", "Société Générale €", "\uD83D\uDE00 smile", "\uD83D alone", "end \uDE00",
                "\uDE00\uD83D", "ÿ\u0800\u07FF\uFFFF"}) {
            var buffer = new CopyRowBuffer(4);
            buffer.row(row(1, value));
            byte[] expected = ("1\t13000548121800\t" + value + "\t\\N".repeat(14) + "\n").getBytes(StandardCharsets.UTF_8);
            assertThat(Arrays.copyOf(buffer.array(), buffer.size())).as(value).isEqualTo(expected);
        }
    }

    @Test
    void clearingStartsAnew() {
        var buffer = new CopyRowBuffer(64);
        buffer.row(row(1, "x"));
        buffer.clear();
        assertThat(buffer.size()).isZero();
        buffer.row(row(2, "y"));
        assertThat(text(buffer)).startsWith("2\t13000548121800\ty\t");
    }

    private static ImportRowChecker.Row row(long line, String legalName) {
        return new ImportRowChecker.Row(line, "13000548121800", legalName, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    private static String text(CopyRowBuffer buffer) {
        return new String(buffer.array(), 0, buffer.size(), StandardCharsets.UTF_8);
    }
}
