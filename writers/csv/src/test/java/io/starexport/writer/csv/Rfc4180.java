package io.starexport.writer.csv;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: CRLF between records, quoted fields may hold anything. */
final class Rfc4180 {
    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field at " + i);
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
            } else {
                while (i < text.length() && ",\r\n".indexOf(text.charAt(i)) < 0) {
                    char c = text.charAt(i++);
                    if (c == '"') {
                        throw new IllegalArgumentException("quote inside an unquoted field at " + (i - 1));
                    }
                    field.append(c);
                }
            }
            record.add(field.toString());
            field.setLength(0);
            if (i >= text.length()) {
                throw new IllegalArgumentException("last record is not ended by CRLF");
            }
            char separator = text.charAt(i++);
            if (separator == '\r' && i < text.length() && text.charAt(i) == '\n') {
                i++;
                records.add(record);
                record = new ArrayList<>();
            } else if (separator != ',') {
                throw new IllegalArgumentException("expected a comma or CRLF at " + (i - 1));
            }
        }
        if (!record.isEmpty()) {
            throw new IllegalArgumentException("last record is not ended by CRLF");
        }
        return records;
    }
}
