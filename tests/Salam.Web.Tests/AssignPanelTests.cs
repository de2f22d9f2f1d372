using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Testing;
using Salam.Web.Common;
using Salam.Web.Components.Pages.Duties;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>
/// The assign panel, rendered by bUnit over the real application (pipeline, validators, SQLite): the due date is picked on a
/// Jalali calendar whose first day is today in Tehran, which just after midnight there is a day ahead of the UTC date.
/// </summary>
public sealed class AssignPanelTests : StaffComponentTest
{
    /// <summary>10 March 2026, 21:00 UTC: 00:30 on 11 March in Tehran.</summary>
    private static readonly DateTimeOffset JustAfterTehranMidnight = new(2026, 3, 10, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_due_date_is_picked_on_a_Jalali_calendar_that_starts_at_today_in_Tehran()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync(now: JustAfterTehranMidnight);
        var (place, welfare) = await PlaceAndAgencyAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var panel = Render<AssignPanel>(p => p.Add(a => a.NeighbourhoodId, place));
        panel.WaitForElement(".assign-save");
        var picker = panel.FindComponent<MudDatePicker>();
        // 11 March 2026 in Tehran is 20 Esfand 1404: the calendar opens on a Jalali month, not on March.
        await panel.InvokeAsync(() => picker.Instance.OpenAsync());
        panel.WaitForAssertion(() => Assert.Contains("اسفند", Popovers.Markup));
        Assert.DoesNotContain("March", Popovers.Markup);

        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Class!.Contains("assign-agency")).Instance.ValueChanged.InvokeAsync(welfare));
        await panel.ChangeAsync(".assign-title input", "بازدید از پارک محله");
        await panel.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 3, 11)));
        await panel.ClickAsync("button.assign-save");

        Assert.Equal(new DateOnly(2026, 3, 11), await WaitForDutyAsync(app, "بازدید از پارک محله")); // the UTC date, the 10th, would be the past
    }

    [Fact]
    public async Task In_English_the_calendar_is_Jalali_too_like_every_date_beside_it()
    {
        Use(Cultures.English);
        await using var app = await TestApp.StartAsync(now: JustAfterTehranMidnight);
        var (place, _) = await PlaceAndAgencyAsync(app);
        await SignInAsync(app, "facilitator.pardisan");

        var panel = Render<AssignPanel>(p => p.Add(a => a.NeighbourhoodId, place));
        panel.WaitForElement(".assign-save");
        await panel.InvokeAsync(() => panel.FindComponent<MudDatePicker>().Instance.OpenAsync());
        panel.WaitForAssertion(() => Assert.Contains("Esfand", Popovers.Markup));
        Assert.DoesNotContain("March", Popovers.Markup);
    }

    private static Task<(int Place, int Welfare)> PlaceAndAgencyAsync(TestApp app) => app.ReadAsync(async db => (
        await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
        await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync()));

    private static async Task<DateOnly> WaitForDutyAsync(TestApp app, string title)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var due = await app.ReadAsync(db => db.Duties.Where(d => d.Title == title).Select(d => (DateOnly?)d.DueDate).SingleOrDefaultAsync());
            if (due is { } day) return day;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no duty «{title}» was assigned");
    }
}
