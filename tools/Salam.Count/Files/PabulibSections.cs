using CsvHelper;

namespace Salam.Count.Files;

/// <summary>A row of a .pb section with its 1-based line in the file.</summary>
internal sealed record PabulibRow(int Line, string[] Fields);

internal sealed record PabulibHeader(int Line, List<string> Columns, string Section)
{
    public int Column(string name)
    {
        var index = Columns.IndexOf(name);
        return index >= 0 ? index : throw new BallotFileException(Line, $"the {Section} header has no '{name}' column");
    }
}

/// <summary>The three sections of a .pb file, split with CsvHelper (quoted fields may hold ; and ,), every row checked against its header.</summary>
internal sealed class PabulibSections
{
    public Dictionary<string, (string Value, int Line)> Meta { get; } = new(StringComparer.OrdinalIgnoreCase);
    public PabulibHeader ProjectsHeader { get; private set; } = null!;
    public List<PabulibRow> Projects { get; } = [];
    public PabulibHeader VotesHeader { get; private set; } = null!;
    public List<PabulibRow> Votes { get; } = [];

    private static readonly string[] Order = ["META", "PROJECTS", "VOTES"];

    public static PabulibSections Read(string text)
    {
        CsvMalformedRecord? malformed = null;
        using var reader = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = ';',
            HasHeader = false,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            // A line break always ends a row, so a quote left open is caught on its own line instead of swallowing the votes after it.
            AllowLineBreaksInQuotes = false,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed ??= record,
        });
        var file = new PabulibSections();
        var section = -1;
        PabulibHeader? header = null;
        var lastLine = 1;
        while (reader.Read())
        {
            if (malformed is not null) break;
            var line = lastLine = checked((int)reader.LineNumber);
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray();
            if (fields.Length == 1 && Order.Contains(fields[0].ToUpperInvariant()))
            {
                var next = Array.IndexOf(Order, fields[0].ToUpperInvariant());
                if (next != section + 1) throw new BallotFileException(line, $"section {fields[0]} out of place: the sections are META, PROJECTS, VOTES, once each");
                (section, header) = (next, null);
                continue;
            }
            if (section < 0) throw new BallotFileException(line, "expected the META section first");
            if (section == 0)
            {
                if (header is null && fields is [var k, var v] && k.Equals("key", StringComparison.OrdinalIgnoreCase) && v.Equals("value", StringComparison.OrdinalIgnoreCase))
                {
                    header = new PabulibHeader(line, ["key", "value"], "META");
                    continue;
                }
                if (fields.Length != 2) throw new BallotFileException(line, $"expected 'key;value' in META, found {fields.Length} fields");
                if (!file.Meta.TryAdd(fields[0], (fields[1], line))) throw new BallotFileException(line, $"META key '{fields[0]}' is given twice");
                continue;
            }
            if (header is null)
            {
                header = new PabulibHeader(line, fields.Select(f => f.ToLowerInvariant()).ToList(), Order[section]);
                if (section == 1) file.ProjectsHeader = header;
                else file.VotesHeader = header;
                continue;
            }
            if (fields.Length != header.Columns.Count)
                throw new BallotFileException(line, $"expected {header.Columns.Count} fields as in the {Order[section]} header, found {fields.Length}");
            (section == 1 ? file.Projects : file.Votes).Add(new PabulibRow(line, fields));
        }
        if (malformed is { } bad)
            throw new BallotFileException(checked((int)bad.LineNumber), bad.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes
                ? "a quote left open" : "a stray quote (a quoted field must be quoted whole, quotes inside doubled)");
        if (section < 2 || header is null) throw new BallotFileException(lastLine, section < 2 ? "the file ends before its VOTES section" : "the VOTES section has no header");
        return file;
    }
}
