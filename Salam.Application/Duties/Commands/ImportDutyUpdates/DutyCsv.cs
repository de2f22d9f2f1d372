using System.Text;
using CsvHelper;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;

namespace Salam.Application.Duties.Commands.ImportDutyUpdates;

/// <summary>One line of an agency's bulk update file: duty_id, status, percent, note; <see cref="Line"/> is its line in the file.</summary>
public sealed record DutyCsvRow(int Line, string DutyId, string Status, string Percent, string? Note);

/// <summary>
/// Reads the bulk update file with CsvHelper. UTF-8 with or without BOM, one row per line. A malformed row (a quote left
/// open, a stray quote, too many or too few fields) refuses the whole file with its line: read leniently, an open quote
/// swallows the rows after it into one note, and each swallowed row is an update silently lost.
/// </summary>
public static class DutyCsv
{
    public static readonly string[] Columns = ["duty_id", "status", "percent", "note"];
    public const int MaxRows = 5000;

    /// <summary>The largest file accepted: 5,000 rows with notes of a useful length fit well within it.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<DutyCsvRow> Parse(byte[] file)
    {
        try
        {
            // Strict: invalid UTF-8 (a file saved as Windows-1256, say) throws instead of turning Persian notes into '?'.
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
        var rows = new List<DutyCsvRow>();
        while (reader.Read())
        {
            if (malformed is not null) break;
            if (rows.Count == 0 && Columns.Except(reader.Headers).Any()) throw Refuse("Import.Columns", string.Join(", ", Columns));
            if (rows.Count == MaxRows) throw Refuse("Import.TooManyRows", MaxRows);
            rows.Add(new DutyCsvRow(checked((int)reader.LineNumber), Cell(reader["duty_id"].ToString()), Cell(reader["status"].ToString()), Cell(reader["percent"].ToString()), Cell(reader["note"].ToString())));
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

    /// <summary>
    /// Our exports put a single quote before a text cell that a spreadsheet would take for a formula ('=…, '-5 …: see
    /// TableExport in Infrastructure); a cell coming back that way is the original text without the quote.
    /// </summary>
    private static string Cell(string value) =>
        value.Length > 1 && value[0] == '\'' && NeutralisedAfterQuote.Contains(value[1]) ? value[1..] : value;

    private static readonly char[] NeutralisedAfterQuote = ['=', '+', '-', '@', '\t', '\r'];

    private static ValidationFailedException Refuse(string key, params object[] args) =>
        new(new Dictionary<string, string[]> { ["File"] = [Text.Get(key, args)] });
}
