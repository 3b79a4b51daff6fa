package io.datamint.pipeline.read;

import io.datamint.domain.model.dataset.ColumnType;
import io.datamint.domain.model.dataset.ContentFormat;
import io.datamint.domain.model.dataset.ItemId;
import io.datamint.domain.model.dataset.RejectionCode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;

/**
 * Reads a ZIP archive of images, or of UTF-8 text files, without ever writing an entry to disk.
 *
 * <p>Defences, in order: the central directory must be intact (a truncated archive has none); the
 * entry count is capped before anything is expanded; every entry name is checked ({@code ..}
 * segments, absolute paths, drive letters, backslashes, duplicates); declared sizes and ratios are
 * checked from the directory; then, because declared sizes can lie, every entry is expanded through
 * a counter that stops at its declared size, the per-entry limit, and the total limit.
 */
public final class ZipReader {

  private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md");
  private static final long RATIO_FLOOR = 1 << 20;

  private ZipReader() {}

  /** Reads the archive; answers whether it held images or text. */
  public static ContentFormat read(Path file, ReadContext ctx)
      throws IOException, BadInputException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
    } catch (ZipException e) {
      throw BadInputException.of(
          RejectionCode.CORRUPT_ARCHIVE,
          "the archive is damaged or truncated: its central directory cannot be read");
    }
    try (zip) {
      if (zip.size() > ctx.limits.maxArchiveEntries()) {
        throw BadInputException.of(
            RejectionCode.ARCHIVE_BOMB,
            "the archive has "
                + zip.size()
                + " entries; the limit is "
                + ctx.limits.maxArchiveEntries());
      }
      List<ZipEntry> entries;
      try {
        entries = plan(zip, ctx);
      } catch (IllegalArgumentException e) {
        // java.util.zip reports names that are not UTF-8 this way
        throw BadInputException.of(
            RejectionCode.CORRUPT_ARCHIVE, "an entry name in the archive is not valid UTF-8");
      }
      Map<String, Long> localHeaders = localHeaderOffsets(file);
      boolean images =
          !entries.isEmpty() && ImageRecords.formatOf(entries.get(0).getName()) != null;
      boolean labelled = entries.stream().allMatch(e -> e.getName().contains("/"));
      long total = 0;
      long compressedDone = 0;
      for (ZipEntry e : entries) {
        String where = "entry " + e.getName();
        byte[] bytes = expand(zip, e, where, ctx, total);
        total += bytes.length;
        String label = labelled ? folderOf(e.getName()) : null;
        long offset = localHeaders.getOrDefault(e.getName(), -1L);
        if (images) {
          ImageRecords.accept(
              bytes, ImageRecords.formatOf(e.getName()), e.getName(), where, label, offset, ctx);
        } else {
          text(bytes, e.getName(), where, label, offset, ctx);
        }
        compressedDone += Math.max(0, e.getCompressedSize());
        ctx.reached(compressedDone);
      }
      if (entries.isEmpty()) {
        throw BadInputException.of(RejectionCode.EMPTY_FILE, "the archive holds no files");
      }
      return images ? ContentFormat.ZIP_OF_IMAGES : ContentFormat.ZIP_OF_TEXT;
    }
  }

  /** Checks every entry from the central directory; answers the files to read, in order. */
  private static List<ZipEntry> plan(ZipFile zip, ReadContext ctx) throws BadInputException {
    List<ZipEntry> files = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Boolean images = null;
    long declared = 0;
    Enumeration<? extends ZipEntry> all = zip.entries();
    while (all.hasMoreElements()) {
      ZipEntry e = all.nextElement();
      String name = e.getName();
      String where = "entry " + name;
      checkName(name, where);
      if (!names.add(name)) {
        throw BadInputException.at(
            RejectionCode.UNSAFE_ARCHIVE_ENTRY, where, "the name appears twice in the archive");
      }
      if (e.isDirectory() || isJunk(name)) {
        continue;
      }
      boolean image = ImageRecords.formatOf(name) != null;
      boolean text = TEXT_EXTENSIONS.contains(extension(name));
      if (!image && !text) {
        throw BadInputException.at(
            RejectionCode.UNSUPPORTED_FORMAT,
            where,
            "an archive may hold images (.png, .jpg, .jpeg, .webp) or text files (.txt, .md),"
                + " not this");
      }
      if (images == null) {
        images = image;
      } else if (images != image) {
        throw BadInputException.at(
            RejectionCode.UNSUPPORTED_FORMAT,
            where,
            "the archive mixes images and text files; upload them as separate datasets");
      }
      long size = e.getSize();
      long compressed = e.getCompressedSize();
      long entryLimit = image ? ctx.limits.maxImageBytes() : ctx.limits.maxRecordBytes();
      if (size > entryLimit) {
        throw BadInputException.at(
            RejectionCode.ARCHIVE_BOMB,
            where,
            "the entry expands to " + size + " bytes; the limit is " + entryLimit);
      }
      if (size > RATIO_FLOOR
          && compressed > 0
          && size / compressed > ctx.limits.maxCompressionRatio()) {
        throw BadInputException.at(
            RejectionCode.ARCHIVE_BOMB,
            where,
            "the entry expands "
                + (size / compressed)
                + " times; the limit is "
                + ctx.limits.maxCompressionRatio());
      }
      if (size > 0) {
        declared += size;
      }
      if (declared > ctx.limits.maxArchiveExpandedBytes()) {
        throw BadInputException.of(
            RejectionCode.ARCHIVE_BOMB,
            "the archive expands to more than " + ctx.limits.maxArchiveExpandedBytes() + " bytes");
      }
      files.add(e);
    }
    return files;
  }

  static void checkName(String name, String where) throws BadInputException {
    String why = null;
    if (name.startsWith("/") || name.startsWith("\\")) {
      why = "absolute path";
    } else if (name.length() > 1 && name.charAt(1) == ':') {
      why = "absolute path with a drive letter";
    } else if (name.contains("\\")) {
      why = "backslash in the path";
    } else if (name.indexOf('\0') >= 0) {
      why = "NUL character in the name";
    } else {
      for (String seg : name.split("/")) {
        if (seg.equals("..")) {
          why = "'..' in the path";
          break;
        }
      }
    }
    if (why != null) {
      throw BadInputException.at(
          RejectionCode.UNSAFE_ARCHIVE_ENTRY,
          where,
          why + ": entries must stay inside the archive");
    }
  }

  private static byte[] expand(ZipFile zip, ZipEntry e, String where, ReadContext ctx, long total)
      throws IOException, BadInputException {
    long declared = e.getSize();
    long entryLimit =
        ImageRecords.formatOf(e.getName()) != null
            ? ctx.limits.maxImageBytes()
            : ctx.limits.maxRecordBytes();
    long limit = declared >= 0 ? Math.min(declared, entryLimit) : entryLimit;
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit, 1 << 20));
    byte[] buf = new byte[1 << 16];
    try (InputStream in = zip.getInputStream(e)) {
      long n = 0;
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
        if (n > limit) {
          throw BadInputException.at(
              RejectionCode.ARCHIVE_BOMB,
              where,
              "the entry expands beyond "
                  + (declared >= 0 && declared <= entryLimit ? "its declared size" : "the limit")
                  + " of "
                  + limit
                  + " bytes");
        }
        if (total + n > ctx.limits.maxArchiveExpandedBytes()) {
          throw BadInputException.of(
              RejectionCode.ARCHIVE_BOMB,
              "the archive expands to more than "
                  + ctx.limits.maxArchiveExpandedBytes()
                  + " bytes");
        }
        out.write(buf, 0, r);
      }
    } catch (EOFException ex) {
      throw BadInputException.at(RejectionCode.CORRUPT_ARCHIVE, where, "the entry is truncated");
    } catch (ZipException ex) {
      throw BadInputException.at(
          RejectionCode.CORRUPT_ARCHIVE, where, "the entry is damaged (" + clean(ex) + ")");
    }
    return out.toByteArray();
  }

  /**
   * Where each entry's local header lies in the archive, so that an item can later be read alone
   * from the stored file ({@link ZipLocalEntry}); java.util.zip does not tell, commons-compress
   * reads it from the central directory. An archive it cannot read (java.util.zip could) keeps no
   * offsets: its items are then found by scanning the archive.
   */
  private static Map<String, Long> localHeaderOffsets(Path file) {
    Map<String, Long> offsets = new HashMap<>();
    try (org.apache.commons.compress.archivers.zip.ZipFile zip =
        org.apache.commons.compress.archivers.zip.ZipFile.builder()
            .setFile(file.toFile())
            .setCharset(StandardCharsets.UTF_8)
            .get()) {
      Enumeration<ZipArchiveEntry> all = zip.getEntries();
      while (all.hasMoreElements()) {
        ZipArchiveEntry e = all.nextElement();
        offsets.put(e.getName(), e.getLocalHeaderOffset());
      }
    } catch (IOException | RuntimeException unreadable) {
      return Map.of();
    }
    return offsets;
  }

  private static void text(
      byte[] bytes, String name, String where, String label, long offset, ReadContext ctx)
      throws BadInputException {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException ex) {
      throw BadInputException.at(
          RejectionCode.WRONG_TEXT_ENCODING,
          where,
          "the text is not valid UTF-8; save it as UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    ItemId id = ctx.emit(bytes, where, offset);
    ctx.table.text(ctx.table.column("file"), name);
    if (label != null) {
      ctx.table.typed(ctx.table.column("label"), label, ColumnType.STRING);
    }
    ctx.table.text(ctx.table.column("text"), text);
    ctx.table.endRow();
    if (ctx.preview.wantsMore()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("file", name);
      if (label != null) {
        row.put("label", label);
      }
      row.put("text", text);
      ctx.preview.record(id.value(), row);
    }
  }

  private static boolean isJunk(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return name.startsWith("__MACOSX/") || base.equals(".DS_Store") || base.equals("Thumbs.db");
  }

  private static String folderOf(String name) {
    String dir = name.substring(0, name.lastIndexOf('/'));
    return dir.substring(dir.lastIndexOf('/') + 1);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String clean(Exception e) {
    return String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", " ");
  }
}
