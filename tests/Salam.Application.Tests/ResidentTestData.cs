using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Places, people and a fingerprint of everything a resident registration could write.</summary>
internal static class ResidentTestData
{
    private static int _serial;

    /// <summary>A fresh mobile no demo resident has (0938…).</summary>
    public static string NewMobile() => $"0938{Interlocked.Increment(ref _serial) + 2000000:D7}";

    /// <summary>A fresh valid national id no demo resident has.</summary>
    public static string NewNationalId() => NationalIds.Valid(Interlocked.Increment(ref _serial) + 500_000);

    public static Task<(int Id, string Code)> PardisanAsync(this TestApp app) =>
        app.ReadAsync(async db => await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => new { n.Id, n.Code }).SingleAsync() is var n ? (n.Id, n.Code) : default);

    /// <summary>A neighbourhood of Mazandaran: outside facilitator.pardisan's centre and officer.qom's province.</summary>
    public static Task<(int Id, string Code)> MazandaranAsync(this TestApp app) =>
        app.ReadAsync(async db => await db.Neighbourhoods.Where(n => n.County!.Province!.NameEn == "Mazandaran").OrderBy(n => n.Id).Select(n => new { n.Id, n.Code }).FirstAsync() is var n
            ? (n.Id, n.Code) : default);

    public static Task<string> ResidentsFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        await db.Residents.CountAsync(),
        string.Join(',', await db.Residents.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.FullName}:{r.Mobile}:{r.NationalId}:{r.NeighbourhoodId}:{r.Status}").ToListAsync()),
        await db.AuditEvents.CountAsync(),
        string.Join(',', await db.Users.Where(u => u.ResidentId != null).OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.UserName}:{u.PhoneNumber}:{u.FullName}").ToListAsync())));

    /// <summary>A self-registered (pending) resident of a neighbourhood, signed in.</summary>
    public static async Task<(int Id, ClaimsPrincipal Principal, string Mobile)> PendingResidentAsync(this TestApp app, int neighbourhoodId, TimeSpan? registeredAgo = null)
    {
        var mobile = NewMobile();
        var id = await app.ReadAsync(async db =>
        {
            var resident = Resident.SelfRegistered(neighbourhoodId, "ساکن در انتظار", MobileNumber.Parse(mobile), NationalId.Parse(NewNationalId()),
                app.Clock.GetUtcNow() - (registeredAgo ?? TimeSpan.Zero));
            db.Residents.Add(resident);
            await db.SaveChangesAsync();
            return resident.Id;
        });
        return (id, await app.ResidentPrincipalAsync(mobile), mobile);
    }
}
