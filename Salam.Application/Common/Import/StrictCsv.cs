using System.Text;
using CsvHelper;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;

namespace Salam.Application.Common.Import;

/// <summary>
/// How every import reads its file with CsvHelper: UTF-8 with or without BOM, a header naming the columns, one row per line.
/// A malformed row (a quote left open, a stray quote, too many or too few fields) refuses the whole file with its line: read
/// leniently, an open quote swallows the rows after it, and each swallowed row is silently lost.
/// </summary>
public static class StrictCsv
{
    /// <summary>The rows of <paramref name="file"/>, each made by <paramref name="row"/> from its line number and a reader of its cells by column.</summary>
    public static IReadOnlyList<T> Parse<T>(byte[] file, string[] columns, int maxRows, Func<int, Func<string, string>, T> row)
    {
        try
        {
            // Strict: invalid UTF-8 (a file saved as Windows-1256, say) throws instead of turning Persian text into '?'.
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
        var rows = new List<T>();
        string Cell(string column) => reader[column].ToString();
        while (reader.Read())
        {
            if (malformed is not null) break;
            if (rows.Count == 0 && columns.Except(reader.Headers).Any()) throw Refuse("Import.Columns", string.Join(", ", columns));
            if (rows.Count == maxRows) throw Refuse("Import.TooManyRows", maxRows);
            rows.Add(row(checked((int)reader.LineNumber), Cell));
        }
        if (malformed is { } bad) throw Malformed(bad, reader.Headers.Count);
        if (rows.Count == 0 && reader.Headers.Count > 0 && columns.Except(reader.Headers).Any()) throw Refuse("Import.Columns", string.Join(", ", columns));
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
