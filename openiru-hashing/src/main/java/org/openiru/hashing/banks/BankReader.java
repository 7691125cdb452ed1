package org.openiru.hashing.banks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Streams a line-oriented bank file through a {@link LineFormat}, line by line. */
final class BankReader {

    private BankReader() {}

    static ParseReport read(Reader in, String source, LineFormat format, ParseMode mode,
            Consumer<BankEntry> sink) throws IOException, BankFormatException {
        BufferedReader lines = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in);
        List<ParseError> errors = new ArrayList<>();
        long entries = 0;
        long number = 0;
        boolean headerDone = false;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String text = number == 1 ? stripByteOrderMark(line) : line;
            if (text.isBlank()) {
                continue;
            }
            if (!headerDone) {
                headerDone = true;
                if (readHeader(format, text, source, number)) {
                    continue;
                }
            }
            try {
                if (format.isComment(text)) {
                    continue;
                }
                sink.accept(format.parse(text));
                entries++;
            } catch (IllegalArgumentException e) {
                ParseError error = new ParseError(source, number, e.getMessage());
                if (mode == ParseMode.STRICT) {
                    throw new BankFormatException(error);
                }
                errors.add(error);
            }
        }
        return new ParseReport(entries, errors);
    }

    /** A bad header is fatal in every mode: no line after it could be read. */
    private static boolean readHeader(LineFormat format, String line, String source, long number)
            throws BankFormatException {
        try {
            return format.readHeader(line);
        } catch (IllegalArgumentException e) {
            throw new BankFormatException(new ParseError(source, number, e.getMessage()));
        }
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
