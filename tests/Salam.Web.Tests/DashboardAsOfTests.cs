using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// The homes whose figures come from the roll-up say so: "as of" the snapshot's time (Jalali, Persian digits, in Persian),
/// and, before any roll-up, a clear note instead of an error. One web app of its own: the test deletes the snapshots.
/// </summary>
public sealed class DashboardAsOfTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private static readonly (string User, string Path, string Label)[] Homes =
    [
        ("ministry", "/national", "آمار تا "),
        ("officer.qom", "/province", "آمار تا "),
        ("facilitator.pardisan", "/facilitator", "شمار ساکنان تا "),
    ];

    private async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    private async Task<string> PageAsync(string user, string path)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(user);
        return await client.GetStringAsync(path);
    }

    [Fact]
    public async Task The_homes_say_when_their_figures_were_computed_and_that_none_have_been_before_the_first_roll_up()
    {
        var computedAt = await ReadAsync(db => db.RollupSnapshots.MaxAsync(s => s.ComputedAt));
        var local = ProgrammeCalendar.LocalTime(computedAt);
        var jalaliYear = Digits.ToPersian(new PersianCalendar().GetYear(local).ToString(CultureInfo.InvariantCulture));
        foreach (var (user, path, label) in Homes)
        {
            var html = await PageAsync(user, path);
            Assert.Contains("figures-as-of", html);
            Assert.Contains(label, html);
            Assert.Contains(jalaliYear, html);
            Assert.Contains($"ساعت {Digits.ToPersian(local.ToString("HH:mm", CultureInfo.InvariantCulture))}", html);
            Assert.DoesNotContain("figures-no-snapshot", html);
        }

        await ReadAsync(db => db.RollupSnapshots.ExecuteDeleteAsync());

        foreach (var (user, path, _) in Homes)
        {
            var html = await PageAsync(user, path);
            Assert.Contains("figures-no-snapshot", html);
            Assert.Contains("هنوز آماری محاسبه نشده است", html);
            Assert.DoesNotContain("figures-as-of", html);
        }
    }
}
