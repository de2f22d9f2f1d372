using Salam.Application.Common.Import;

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

    public static IReadOnlyList<ResidentCsvRow> Parse(byte[] file) =>
        StrictCsv.Parse(file, Columns, MaxRows, (line, cell) => new ResidentCsvRow(line, cell("full_name"), cell("mobile"), cell("national_id"), cell("neighbourhood_code")));
}
