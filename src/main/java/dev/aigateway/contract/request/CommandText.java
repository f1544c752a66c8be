package dev.aigateway.contract.request;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a command file as its words point into it: where an offset is (line and column), for the one
 * sentence of a problem that names the file and the place.
 */
final class CommandText {

    /** One shell word and the offset in the text where it starts. */
    record Word(String text, int offset) {}

    final String text;
    final String file;
    private final int[] lineStarts;

    CommandText(String text, String file) {
        this.text = text;
        this.file = file;
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text of line {@code line} (from 1), without its newline. */
    String lineText(int line) {
        return text.substring(lineStarts[line - 1], line < lineStarts.length ? lineStarts[line] - 1 : text.length());
    }

    RequestFileException unclosed(String quote, int at) {
        return new RequestFileException(file + " line " + line(at) + ": an unclosed " + quote + " that opens at column "
                + column(at) + ".");
    }

    int line(int offset) {
        int index = java.util.Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    String at(Word word) {
        return file + " line " + line(word.offset()) + " (column " + column(word.offset()) + ")";
    }
}
