using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Salam.Infrastructure.Reports;

/// <summary>A table (headers and rows of plain values) as a CSV file Excel opens in Persian, or as an Excel workbook.</summary>
public static class TableExport
{
    /// <summary>
    /// A text cell starting with one of these is read by Excel, LibreOffice or Sheets as a formula (=HYPERLINK(...) in a need
    /// title that became a duty title, say). Such a cell gets a leading single quote, the usual (OWASP) neutralisation; the
    /// bulk update import (DutyCsv) takes it off again when the sheet comes back.
    /// </summary>
    public static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and Persian turns to noise.</summary>
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvHelper.CsvWriter.Create(writer, CsvHelper.CsvWriterOptions.Default, leaveOpen: true))
        {
            csv.WriteRecord([.. headers.Select(Neutralise)]);
            foreach (var row in rows) csv.WriteRecord([.. row.Select(value => Convert.ToString(Cell(value), CultureInfo.InvariantCulture) ?? "")]);
            csv.Flush();
        }
        return stream.ToArray();
    }

    public static byte[] Excel(string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var records = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++) record[Neutralise(headers[i])] = Cell(row[i]);
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(records, sheetName: sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>Text is neutralised; numbers stay numbers (a negative number is a number, not a formula).</summary>
    private static object? Cell(object? value) => value is string text ? Neutralise(text) : value;

    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaTriggers.Contains(text[0]) ? "'" + text : text;
}
