using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Infrastructure.Reports;
using Salam.Testing;

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
        using var stream = new MemoryStream(TableExport.Excel("sheet", Headers, Rows(text), rightToLeft: false));
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

    // 29 November 2026, 12:00 UTC: 15:30 in Tehran (UTC+03:30, no daylight saving since 2022).
    private static readonly DateTimeOffset Moment = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] TypedHeaders = ["place", "residents", "participation", "computed_at", "due"];

    private static IReadOnlyList<object?>[] TypedRows => [["قم", 1200, 42.5, Moment, new DateOnly(2026, 12, 21)]];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_persian_workbook_opens_right_to_left_and_an_english_one_left_to_right(bool rightToLeft)
    {
        var sheet = new XlsxSheet(TableExport.Excel("گزارش", TypedHeaders, TypedRows, rightToLeft));

        Assert.Equal(rightToLeft, sheet.RightToLeft);
    }

    [Fact]
    public void Excel_cells_are_numbers_and_dates_not_text_and_moments_read_in_tehran_time()
    {
        var sheet = new XlsxSheet(TableExport.Excel("گزارش", TypedHeaders, TypedRows, rightToLeft: true));

        Assert.Equal(["place", "residents", "participation", "computed_at", "due"], sheet.Row(1).Select(sheet.Value));
        Assert.NotEqual("n", sheet.Type("A2"));
        Assert.Equal("قم", sheet.Value("A2"));
        Assert.Equal(("n", "1200"), (sheet.Type("B2"), sheet.Value("B2")));
        Assert.Equal(("n", "42.5"), (sheet.Type("C2"), sheet.Value("C2")));
        // A date is a number of days with a date format: 15:30 in Tehran, not 12:00 UTC, and not a string.
        Assert.Equal("n", sheet.Type("D2"));
        Assert.Equal(new DateTime(2026, 11, 29, 15, 30, 0), DateTime.FromOADate(double.Parse(sheet.Value("D2"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(TableExport.DateTimeFormat, sheet.Format("D2"));
        Assert.Equal("n", sheet.Type("E2"));
        Assert.Equal(new DateTime(2026, 12, 21), DateTime.FromOADate(double.Parse(sheet.Value("E2"), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(TableExport.DateFormat, sheet.Format("E2"));
    }

    /// <summary>A Persian reader's culture writes "42٫5" with .NET's defaults: the CSV writes numbers and moments the same in every culture.</summary>
    [Theory]
    [InlineData("fa-IR")]
    [InlineData("en-US")]
    public void Csv_numbers_and_moments_are_invariant_whatever_the_readers_culture(string culture)
    {
        var (before, beforeUi) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = new(culture);
        try
        {
            var text = Encoding.UTF8.GetString(TableExport.Csv(TypedHeaders, TypedRows)[3..]);

            Assert.Equal("place,residents,participation,computed_at,due\nقم,1200,42.5,2026-11-29T15:30:00+03:30,2026-12-21\n", text.ReplaceLineEndings("\n"));
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
