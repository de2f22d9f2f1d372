using System.Text;
using CsvHelper;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;

namespace Salam.Application.Residents.Commands.ImportResidents;

/// <summary>One line of a bulk registration file; <see cref="Line"/> is its line in the file.</summary>
public sealed record ResidentCsvRow(int Line, string FullName, string Mobile, string NationalId, string NeighbourhoodCode);

/// <summary>
/// Reads a bulk registration file with CsvHelper, as strictly as the duty import (<c>DutyCsv</c>): UTF-8 with or without BOM,
/// one row per line; a malformed row refuses the whole file with its line, since read leniently an open quote would swallow
/// the rows after it and those residents would silently not be registered.
/// </summary>
public static class ResidentCsv
{
    public static readonly string[] Columns = ["full_name", "mobile", "national_id", "neighbourhood_code"];
    public const int MaxRows = 20_000;

    /// <summary>The largest file accepted: 20,000 rows of Persian names (two bytes a letter) fit well within it.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static IReadOnlyList<ResidentCsvRow> Parse(byte[] file)
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
            AllowLineBreaksInQuotes = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => malformed ??= record,
            NormalizeHeaderName = header => header.Trim().ToLowerInvariant(),
        });
        var rows = new List<ResidentCsvRow>();
        while (reader.Read())
        {
            if (malformed is not null) break;
            if (rows.Count == 0 && Columns.Except(reader.Headers).Any()) throw Refuse("Import.Columns", string.Join(", ", Columns));
            if (rows.Count == MaxRows) throw Refuse("Import.TooManyRows", MaxRows);
            rows.Add(new ResidentCsvRow(checked((int)reader.LineNumber), reader["full_name"].ToString(), reader["mobile"].ToString(),
                reader["national_id"].ToString(), reader["neighbourhood_code"].ToString()));
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
