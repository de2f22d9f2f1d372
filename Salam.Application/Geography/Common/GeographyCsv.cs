using System.Text;
using CsvHelper;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;

namespace Salam.Application.Geography.Common;

/// <summary>One line of a geography file: level, code, parent_code, name_fa, name_en; <see cref="Line"/> is its line in the file.</summary>
public sealed record GeographyRow(int Line, string Level, string Code, string ParentCode, string NameFa, string NameEn);

/// <summary>
/// Reads a geography file with CsvHelper, as strictly as the duty import (<c>DutyCsv</c>): UTF-8 with or without BOM, one row
/// per line; a malformed row refuses the whole file with its line, since read leniently an open quote swallows the rows after it.
/// </summary>
public static class GeographyCsv
{
    public static readonly string[] Columns = ["level", "code", "parent_code", "name_fa", "name_en"];

    /// <summary>A whole country is about 40,000 rows; the limit leaves room and still bounds the work of one request.</summary>
    public const int MaxRows = 100_000;

    /// <summary>100,000 rows of two 100-character Persian names fit well within it.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>Parses a file the request's validator has already held to <see cref="MaxBytes"/>.</summary>
    public static IReadOnlyList<GeographyRow> Parse(byte[] file)
    {
        try
        {
            // Strict: a file saved as Windows-1256 throws instead of turning Persian names into '?'.
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(file);
        }
        catch (DecoderFallbackException)
        {
            throw Refuse("Import.Encoding");
        }
        var withoutBom = file.AsMemory(file.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);

        CsvMalformedRecord? malformed = null;
        using var reader = CsvReader.Create(withoutBom, new CsvReaderOptions
        {
            HasHeader = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            // A line break always ends a row, so a quote left open is caught on its own line instead of running on.
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => malformed ??= record,
            NormalizeHeaderName = header => header.Trim().ToLowerInvariant(),
        });
        var rows = new List<GeographyRow>();
        while (reader.Read())
        {
            if (malformed is not null) break;
            if (rows.Count == 0 && Columns.Except(reader.Headers).Any()) throw Refuse("Import.Columns", string.Join(", ", Columns));
            if (rows.Count == MaxRows) throw Refuse("Import.TooManyRows", MaxRows);
            rows.Add(new GeographyRow(checked((int)reader.LineNumber), reader["level"].ToString(), reader["code"].ToString(),
                reader["parent_code"].ToString(), reader["name_fa"].ToString(), reader["name_en"].ToString()));
        }
        if (malformed is { } bad) throw Malformed(bad, reader.Headers.Count);
        if (rows.Count == 0 && reader.Headers.Count > 0 && Columns.Except(reader.Headers).Any()) throw Refuse("Import.Columns", string.Join(", ", Columns));
        if (rows.Count == 0) throw Refuse("Import.Empty");
        return rows;
    }

    private static ValidationFailedException Malformed(CsvMalformedRecord record, int columns)
    {
        var line = checked((int)record.LineNumber);
        return record.Reason switch
        {
            CsvMalformedReason.FieldCountMismatch => Refuse("Import.FieldCount", line, columns),
            CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes => Refuse("Import.UnclosedQuote", line),
            _ => Refuse("Import.StrayQuote", line),
        };
    }

    private static ValidationFailedException Refuse(string key, params object[] args) =>
        new(new Dictionary<string, string[]> { ["File"] = [Text.Get(key, args)] });
}
