using Salam.Application.Common.Import;

namespace Salam.Application.Duties.Commands.ImportDutyUpdates;

/// <summary>One line of an agency's bulk update file: duty_id, status, percent, note; <see cref="Line"/> is its line in the file.</summary>
public sealed record DutyCsvRow(int Line, string DutyId, string Status, string Percent, string? Note);

/// <summary>The bulk update file, read as strictly as every import (<see cref="StrictCsv"/>), with cells our exports neutralised read back.</summary>
public static class DutyCsv
{
    public static readonly string[] Columns = ["duty_id", "status", "percent", "note"];
    public const int MaxRows = 5000;

    /// <summary>The largest file accepted: 5,000 rows with notes of a useful length fit well within it.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    public static IReadOnlyList<DutyCsvRow> Parse(byte[] file) =>
        StrictCsv.Parse(file, Columns, MaxRows, (line, cell) => new DutyCsvRow(line, Cell(cell("duty_id")), Cell(cell("status")), Cell(cell("percent")), Cell(cell("note"))));

    /// <summary>
    /// Our exports put a single quote before a text cell that a spreadsheet would take for a formula ('=…, '-5 …: see
    /// TableExport in Infrastructure); a cell coming back that way is the original text without the quote.
    /// </summary>
    private static string Cell(string value) =>
        value.Length > 1 && value[0] == '\'' && NeutralisedAfterQuote.Contains(value[1]) ? value[1..] : value;

    private static readonly char[] NeutralisedAfterQuote = ['=', '+', '-', '@', '\t', '\r'];
}
