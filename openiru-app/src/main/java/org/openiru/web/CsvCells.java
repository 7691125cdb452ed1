package org.openiru.web;

/** Text cells of the CSV files the service writes (statistics, referrals, reports). */
public final class CsvCells {
    private CsvCells() {
    }

    /**
     * A cell that starts like a formula ({@code = + - @}, tab or carriage return) gets a leading apostrophe, as
     * OWASP advises against CSV injection; the text is otherwise unchanged.
     */
    public static String inert(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
