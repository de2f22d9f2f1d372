using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Infrastructure.Reports;

namespace Salam.Infrastructure.Tests;

/// <summary>Exports never hand a spreadsheet a formula: text that would start one is neutralised, numbers stay numbers, and the import reads it back.</summary>
public sealed class TableExportTests
{
    public static TheoryData<string> FormulaTexts => new()
    {
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tindented=1",
        "\r=1+1",
    };

    /// <summary>The formula texts a one-line note can hold: the import reads one row per line, so a note never carries a CR.</summary>
    public static TheoryData<string> OneLineFormulaTexts
    {
        get
        {
            var oneLine = new TheoryData<string>();
            foreach (string text in FormulaTexts)
                if (!text.Contains('\r')) oneLine.Add(text);
            return oneLine;
        }
    }

    private static readonly string[] Headers = ["text", "negative", "fraction", "plain"];

    private static IReadOnlyList<object?>[] Rows(string text) => [[text, -5, -2.5, "روشنایی کوچه‌ها"]];

    private static List<string[]> ReadCsv(byte[] file)
    {
        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        while (reader.Read()) rows.Add([.. Headers.Select(h => reader[h].ToString())]);
        return rows;
    }

    [Theory]
    [MemberData(nameof(FormulaTexts))]
    public void A_csv_text_cell_that_would_start_a_formula_gets_a_leading_quote_and_numbers_stay_numbers(string text)
    {
        var row = Assert.Single(ReadCsv(TableExport.Csv(Headers, Rows(text))));

        Assert.Equal("'" + text, row[0]);
        Assert.Equal("-5", row[1]);
        Assert.Equal("-2.5", row[2]);
        Assert.Equal("روشنایی کوچه‌ها", row[3]);
    }

    [Theory]
    [MemberData(nameof(FormulaTexts))]
    public void An_excel_text_cell_that_would_start_a_formula_gets_a_leading_quote_and_numbers_stay_numbers(string text)
    {
        using var stream = new MemoryStream(TableExport.Excel("sheet", Headers, Rows(text)));
        var row = Assert.Single(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());

        // XML turns a bare carriage return into a line feed on reading; the quote in front is what matters here.
        Assert.Equal(Escaped("'" + text.Replace('\r', '\n')), Escaped((string)row["text"]!));
        // Stored as numbers, so MiniExcel reads them back as numbers, not as text.
        Assert.Equal(-5d, Assert.IsType<double>(row["negative"]));
        Assert.Equal(-2.5d, Assert.IsType<double>(row["fraction"]));
        Assert.Equal("روشنایی کوچه‌ها", row["plain"]);
    }

    private static string Escaped(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");

    [Theory]
    [MemberData(nameof(OneLineFormulaTexts))]
    [InlineData("-5 روز تأخیر")]
    [InlineData("'quoted by the agency")]
    public void A_neutralised_note_in_the_update_sheet_is_read_back_as_the_original_text(string note)
    {
        var sheet = TableExport.Csv([.. DutyCsv.Columns, "title"], [[12, "InProgress", 40, note, "=HYPERLINK(\"http://evil.example\")"]]);

        var row = Assert.Single(DutyCsv.Parse(sheet));

        Assert.Equal(("12", "InProgress", "40"), (row.DutyId, row.Status, row.Percent));
        Assert.Equal(note, row.Note);
    }
}
