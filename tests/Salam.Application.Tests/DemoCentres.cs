using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Ids of the demo country's centres, neighbourhoods and accounts the centre tests use, and a fingerprint of all they could write.</summary>
internal static class DemoCentres
{
    public const string Pardisan = "Pardisan Positive Life Centre";
    public const string Safashahr = "Safashahr Positive Life Centre";
    public const string SarvinehBagh = "Sarvineh Bagh Positive Life Centre";

    public static Task<int> ProvinceAsync(this TestApp app, string nameEn) => app.ReadAsync(db => db.Provinces.Where(p => p.NameEn == nameEn).Select(p => p.Id).SingleAsync());

    public static Task<int> CentreAsync(this TestApp app, string nameEn) => app.ReadAsync(db => db.Centres.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync());

    public static Task<int> NeighbourhoodAsync(this TestApp app, string nameEn) => app.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameEn == nameEn).Select(n => n.Id).SingleAsync());

    public static Task<int?> CentreOfNeighbourhoodAsync(this TestApp app, int neighbourhoodId) =>
        app.ReadAsync(db => db.Neighbourhoods.Where(n => n.Id == neighbourhoodId).Select(n => n.CentreId).SingleAsync());

    public static async Task<ApplicationUser> AccountAsync(this TestApp app, string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"No demo account {userName}");
    }

    /// <summary>Every centre with its description, who serves which neighbourhood, and every account's centre, province and stamp.</summary>
    public static Task<string> CentresFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        string.Join(',', await db.Centres.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.ProvinceId}:{c.NameFa}:{c.NameEn}:{c.Address}:{c.Kind}").ToListAsync()),
        string.Join(',', await db.Neighbourhoods.OrderBy(n => n.Id).Select(n => $"{n.Id}:{n.CentreId}").ToListAsync()),
        string.Join(',', await db.Users.OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.CentreId}:{u.ProvinceId}:{u.SecurityStamp}").ToListAsync())));
}
