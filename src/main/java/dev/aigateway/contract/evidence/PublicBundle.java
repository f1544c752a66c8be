package dev.aigateway.contract.evidence;

import dev.aigateway.contract.http.SecretForms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The bundle for a public thread: the same evidence as the private zip, with the team id shown as
 * {@code team_…} and its last 4 characters (helpers on the forum advise against posting team ids).
 * Support needs the full id; the public copy is for everyone else.
 */
public final class PublicBundle {

    static final String MANIFEST = EvidenceBundle.FOLDER + "/manifest.sha256";

    private PublicBundle() {}

    /**
     * {@code team_…} and the last 4 characters of {@code teamId}; {@code team_…} alone for an id of 8 or fewer.
     * An id with another lower-case prefix ({@code user_...}, an account id) keeps its own prefix.
     */
    public static String masked(String teamId) {
        String prefix = teamId.matches("[a-z]+_.*") && !teamId.startsWith("team_") ? teamId.substring(0, teamId.indexOf('_') + 1)
                : "team_";
        return teamId.length() > 8 ? prefix + "…" + teamId.substring(teamId.length() - 4) : prefix + "…";
    }

    /** Where the public copy of {@code privateZip} goes: beside it, named {@code ...-public.zip}. */
    public static Path pathOf(Path privateZip) {
        return privateZip.resolveSibling(privateZip.getFileName().toString().replaceFirst("\\.zip$", "") + "-public.zip");
    }

    /**
     * Writes the public copy of {@code privateZip}, its manifest recomputed, checks it, and returns it.
     * When the team id is still in it in some form, the copy is deleted and an {@link IllegalStateException} says where.
     */
    public static Path write(Path privateZip, String teamId) throws IOException {
        return writeEntries(pathOf(privateZip), read(privateZip), teamId);
    }

    /**
     * As {@link #write(Path, String)}, from the files the private zip holds ({@code fileByEntry}), so that
     * both zips are written at once.
     */
    public static Path write(Path privateZip, Map<String, Path> fileByEntry, String teamId) throws IOException {
        return write(privateZip, fileByEntry, teamId, List.of());
    }

    /** As {@link #write(Path, Map, String)}, the account ids the gateway's answers named ({@code accountIds}) masked too. */
    public static Path write(Path privateZip, Map<String, Path> fileByEntry, String teamId, List<String> accountIds)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Path> file : fileByEntry.entrySet()) {
            entries.put(file.getKey(), Files.readAllBytes(file.getValue()));
        }
        Path publicZip = pathOf(privateZip);
        for (String accountId : accountIds) {
            if (!accountId.equals(teamId)) {
                entries = masking(entries, accountId);
            }
        }
        writeEntries(publicZip, entries, teamId);
        for (String accountId : accountIds) {
            List<String> left = teamIdIn(publicZip, accountId);
            if (!left.isEmpty()) {
                Files.delete(publicZip);
                throw new IllegalStateException("the account id is still in " + String.join(", ", left)
                        + ", so no public zip was written; share the private one with support only");
            }
        }
        return publicZip;
    }

    private static Path writeEntries(Path publicZip, Map<String, byte[]> entries, String teamId) throws IOException {
        if (teamId != null && !teamId.isBlank()) {
            entries = masking(entries, teamId);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(publicZip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        List<String> left = teamIdIn(publicZip, teamId);
        if (!left.isEmpty()) {
            Files.delete(publicZip);
            throw new IllegalStateException("the team id is still in " + String.join(", ", left)
                    + ", so no public zip was written; share the private one with support only");
        }
        return publicZip;
    }

    /** {@code entries} with {@code id} shown {@link #masked(String)}, the report's data files and the manifest included. */
    private static Map<String, byte[]> masking(Map<String, byte[]> entries, String id) {
        String masked = masked(id);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> {
            String text = latin1(bytes).replace(latin1(id), latin1(masked));
            if (name.endsWith(".html")) {
                text = SingleFileReport.rewrite(text, data -> data.replace(latin1(id), latin1(masked)));
            }
            contents.put(name, text.getBytes(StandardCharsets.ISO_8859_1));
        });
        if (contents.containsKey(MANIFEST)) {
            Map<String, byte[]> listed = new LinkedHashMap<>(contents);
            listed.remove(MANIFEST);
            contents.put(MANIFEST, Manifest.text(listed).getBytes(StandardCharsets.UTF_8));
        }
        return contents;
    }

    /**
     * The entries of {@code zip} that hold {@code teamId} in any form the secret scan looks for, in the
     * entry itself or in one of the report's data files ({@code path.zip!allure-report/index.html!widgets/environment.json}).
     */
    public static List<String> teamIdIn(Path zip, String teamId) throws IOException {
        List<String> found = new ArrayList<>();
        if (teamId == null || teamId.isBlank()) {
            return found;
        }
        List<Pattern> forms = SecretForms.patterns(teamId);
        for (Map.Entry<String, byte[]> entry : read(zip).entrySet()) {
            String text = latin1(entry.getValue());
            if (!SecretForms.matching(forms, entry.getKey()).isEmpty()) {
                found.add(zip.toString());
            }
            if (!SecretForms.matching(forms, text).isEmpty()) {
                found.add(zip + "!" + entry.getKey());
            }
            if (entry.getKey().endsWith(".html")) {
                for (Map.Entry<String, byte[]> data : SingleFileReport.dataFiles(text).entrySet()) {
                    if (latin1(data.getValue()).contains(latin1(teamId))) {
                        found.add(zip + "!" + entry.getKey() + "!" + data.getKey());
                    }
                }
            }
        }
        return found;
    }

    private static Map<String, byte[]> read(Path zipFile) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
