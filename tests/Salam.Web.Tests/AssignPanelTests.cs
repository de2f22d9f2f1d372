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
/// The assign panel, rendered by bUnit over the real application (pipeline, validators, SQLite): "due in N days" counts
/// from today in Tehran, which just after midnight there is a day ahead of the UTC date.
/// </summary>
public sealed class AssignPanelTests : ComponentTest
{
    /// <summary>10 March 2026, 21:00 UTC: 00:30 on 11 March in Tehran.</summary>
    private static readonly DateTimeOffset JustAfterTehranMidnight = new(2026, 3, 10, 21, 0, 0, TimeSpan.Zero);

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    [Theory]
    [InlineData(0, 11)] // due today: 11 March in Tehran (the UTC date, the 10th, would be refused as the past)
    [InlineData(1, 12)]
    public async Task Days_from_today_count_from_the_day_in_Tehran(int days, int dueDayOfMarch)
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync(now: JustAfterTehranMidnight);
        var (place, welfare) = await app.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync()));
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        Services.AddSingleton<TimeProvider>(app.Clock);
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(facilitator));
        Services.AddScoped(sp => new RequestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();

        var panel = Render<AssignPanel>(p => p.Add(a => a.NeighbourhoodId, place));
        panel.WaitForElement(".assign-save");
        await panel.InvokeAsync(() => panel.FindComponents<MudSelect<int?>>().Single(s => s.Instance.Class!.Contains("assign-agency")).Instance.ValueChanged.InvokeAsync(welfare));
        panel.Find(".assign-title input").Change("بازدید از پارک محله");
        panel.Find(".assign-days input").Change(days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        panel.Find("button.assign-save").Click();

        var due = await WaitForDutyAsync(app, "بازدید از پارک محله");
        Assert.Equal(new DateOnly(2026, 3, dueDayOfMarch), due);
    }

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
