using Bunit;
using Salam.Application.Home.Queries;
using Salam.Application.Meetings.Queries.GetMeetingProgressReport;
using Salam.Domain.Duties;
using Salam.Web.Components.Pages.Meetings.Report;
using Salam.Web.Localization;

namespace Salam.Web.Tests.MeetingReport;

/// <summary>One agency's part of the progress report: a row per duty with every figure the secretary reads out, in the reader's digits.</summary>
public sealed class ReportAgencyTests : ComponentTest
{
    private static readonly AgencyProgress Welfare = new(7, new PlaceName("اداره کل بهزیستی استان قم", "Qom Province Welfare Directorate"), AgencyKind.Welfare,
        Open: 2, Done: 1, Overdue: 1,
        [
            new ReportDuty(41, "کارگاه مهارت‌آموزی", new PlaceName("پردیسان", "Pardisan"), DutyStatus.InProgress, 40, new DateOnly(2026, 11, 20), 12,
                new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), "خرید چرخ خیاطی انجام شد."),
            new ReportDuty(42, "بازدید از مرکز", new PlaceName("پردیسان", "Pardisan"), DutyStatus.Done, 100, new DateOnly(2026, 12, 30), 0,
                new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), null),
        ]);

    [Fact]
    public void Each_duty_is_a_row_with_status_percent_due_date_overdue_days_and_last_update_in_persian_digits()
    {
        Use(Cultures.Persian);

        var cut = Render<ReportAgency>(p => p.Add(a => a.Agency, Welfare));

        Assert.Equal("7", cut.Find(".report-agency").GetAttribute("data-agency-id"));
        Assert.Contains("اداره کل بهزیستی استان قم", cut.Find(".report-agency h3").TextContent);
        Assert.Equal("۲ باز، ۱ انجام‌شده، ۱ با تأخیر", cut.Find(".report-agency-summary").TextContent);
        var rows = cut.FindAll("tr.report-duty");
        Assert.Equal(2, rows.Count);
        var late = rows[0];
        Assert.Contains("report-duty-overdue", late.ClassList);
        Assert.Equal("در حال انجام", late.QuerySelector(".report-duty-status")!.TextContent);
        Assert.Equal("۴۰٪", late.QuerySelector(".report-duty-percent")!.TextContent);
        Assert.Equal("۲۹ آبان ۱۴۰۵", late.QuerySelector(".report-duty-due")!.TextContent);
        Assert.Equal("۱۲", late.QuerySelector(".report-duty-overdue-days")!.TextContent);
        Assert.Contains("۴ آذر ۱۴۰۵", late.QuerySelector(".report-duty-last")!.TextContent);
        Assert.Equal("خرید چرخ خیاطی انجام شد.", late.QuerySelector(".report-note")!.TextContent);
        Assert.DoesNotContain("report-duty-overdue", rows[1].ClassList);
        Assert.Equal("—", rows[1].QuerySelector(".report-duty-overdue-days")!.TextContent);
        Assert.Null(rows[1].QuerySelector(".report-note"));
        Assert.DoesNotMatch("[0-9]", cut.Find("tbody").TextContent);
    }

    [Fact]
    public void In_english_the_same_rows_read_left_to_right_with_latin_digits_and_jalali_dates()
    {
        Use(Cultures.English);

        var cut = Render<ReportAgency>(p => p.Add(a => a.Agency, Welfare));

        var late = cut.FindAll("tr.report-duty")[0];
        Assert.Equal("In progress", late.QuerySelector(".report-duty-status")!.TextContent);
        Assert.Equal("40%", late.QuerySelector(".report-duty-percent")!.TextContent);
        Assert.Equal("29 Aban 1405", late.QuerySelector(".report-duty-due")!.TextContent);
        Assert.Equal("2 open, 1 done, 1 overdue", cut.Find(".report-agency-summary").TextContent);
        Assert.Equal(7, cut.FindAll("thead th").Count);
    }
}
