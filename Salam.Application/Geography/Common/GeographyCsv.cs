using Salam.Application.Common.Import;

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
    public static IReadOnlyList<GeographyRow> Parse(byte[] file) =>
        StrictCsv.Parse(file, Columns, MaxRows, (line, cell) => new GeographyRow(line, cell("level"), cell("code"), cell("parent_code"), cell("name_fa"), cell("name_en")));
}
