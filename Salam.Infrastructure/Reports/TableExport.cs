using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Salam.Domain.Common;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// A table (headers and rows of plain values) as a CSV file Excel opens in Persian, or as an Excel workbook. CSV is for
/// machines as much as people: every number and moment is written invariantly (Latin digits, "." as the decimal mark, ISO
/// 8601 date-times in Tehran time with their offset), never in the reader's digits, so a file never mixes the two. In Excel
/// numbers are number cells and moments are date cells (Tehran wall-clock time); a Persian workbook reads right to left.
/// </summary>
public static class TableExport
{
    /// <summary>
    /// A text cell starting with one of these is read by Excel, LibreOffice or Sheets as a formula (=HYPERLINK(...) in a need
    /// title that became a duty title, say). Such a cell gets a leading single quote, the usual (OWASP) neutralisation; the
    /// bulk update import (DutyCsv) takes it off again when the sheet comes back.
    /// </summary>
    public static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>How a date cell reads in Excel: the ISO order, which no locale misreads as month-first.</summary>
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";
    public const string DateFormat = "yyyy-mm-dd";

    /// <summary>UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and Persian turns to noise.</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvHelper.CsvWriter.Create(writer, CsvHelper.CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord([.. headers.Select(Neutralise)]);
            foreach (var row in rows) csv.WriteRecord([.. row.Select(CsvCell)]);
            csv.Flush();
        }
        return stream.ToArray();
    }

    /// <param name="rightToLeft">The sheet opens with column A on the right, as a Persian reader expects.</param>
    public static byte[] Excel(string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, bool rightToLeft)
    {
        var materialised = rows.ToList();
        var keys = headers.Select(Neutralise).ToArray();
        var records = materialised.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < keys.Length; i++) record[keys[i]] = ExcelCell(row[i]);
            return record;
        }).ToList();
        var configuration = new OpenXmlConfiguration
        {
            RightToLeft = rightToLeft,
            // A column of moments or days shows as dates; MiniExcel's own default shows seconds nobody asked for.
            DynamicColumns = [.. keys.Select((key, i) => DateColumn(key, materialised.Select(r => r[i]).FirstOrDefault(v => v is not null))).OfType<MiniExcelLibs.Attributes.DynamicExcelColumn>()],
        };
        using var stream = new MemoryStream();
        stream.SaveAs(records, sheetName: sheet, excelType: ExcelType.XLSX, configuration: configuration);
        return stream.ToArray();
    }

    private static MiniExcelLibs.Attributes.DynamicExcelColumn? DateColumn(string key, object? sample) => sample switch
    {
        DateTimeOffset or DateTime => new(key) { Format = DateTimeFormat, Width = 18 },
        DateOnly => new(key) { Format = DateFormat, Width = 12 },
        _ => null,
    };

    /// <summary>Text is neutralised; numbers stay numbers (a negative number is a number, not a formula); moments are Tehran time.</summary>
    private static object? ExcelCell(object? value) => value switch
    {
        string text => Neutralise(text),
        DateTimeOffset moment => ProgrammeCalendar.LocalTime(moment),
        DateOnly day => day.ToDateTime(TimeOnly.MinValue),
        _ => value,
    };

    private static string CsvCell(object? value) => value switch
    {
        null => "",
        string text => Neutralise(text),
        DateTimeOffset moment => TimeZoneInfo.ConvertTime(moment, ProgrammeCalendar.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime local => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaTriggers.Contains(text[0]) ? "'" + text : text;
}
