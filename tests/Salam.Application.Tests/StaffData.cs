using Microsoft.EntityFrameworkCore;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>What the staff tests read: ids of the demo country's places, and a fingerprint of everything a staff request could write.</summary>
internal static class StaffData
{
    /// <summary>A password the default Identity rules accept (and no common-password list holds).</summary>
    public const string GoodPassword = "Farvardin-1405-Qom!";

    public static Task<int> AgencyAsync(this TestApp app, string nameEn) => app.ReadAsync(db => db.Agencies.Where(a => a.NameEn == nameEn).Select(a => a.Id).SingleAsync());

    public static Task<int> NationalAgencyAsync(this TestApp app) => app.ReadAsync(db => db.Agencies.Where(a => a.ProvinceId == null).Select(a => a.Id).FirstAsync());

    public static Task<int> AgencyOfProvinceAsync(this TestApp app, int provinceId) =>
        app.ReadAsync(db => db.Agencies.Where(a => a.ProvinceId == provinceId).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

    /// <summary>Every account's every field a staff request sets (password hash and stamp included), and the audit log's length.</summary>
    public static Task<string> StaffFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        string.Join(',', (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync()).Select(u => string.Join(':', u.Id, u.UserName, u.FullName, u.PhoneNumber, u.Role,
            u.ProvinceId, u.CentreId, u.AgencyId, u.IsDisabled, u.MustChangePassword, u.PasswordHash, u.SecurityStamp, u.LockoutEnd, u.AccessFailedCount))),
        await db.AuditEvents.CountAsync()));
}
