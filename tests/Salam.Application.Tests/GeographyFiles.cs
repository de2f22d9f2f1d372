using System.Text;
using Microsoft.EntityFrameworkCore;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Geography files as an administrator would upload them, and a fingerprint of everything an import could write.</summary>
internal static class GeographyFiles
{
    public const string Header = "level,code,parent_code,name_fa,name_en";

    public static byte[] Utf8(string text, bool bom = false) => [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] File(params string[] rows) => Utf8(string.Join('\n', [Header, .. rows]) + "\n");

    /// <summary>Every place with its code, parent, names and flag, and how many audit events there are.</summary>
    public static Task<string> GeographyFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        string.Join(',', await db.Provinces.OrderBy(p => p.Id).Select(p => $"{p.Id}:{p.Code}:{p.NameFa}:{p.NameEn}:{p.IsActive}").ToListAsync()),
        string.Join(',', await db.Counties.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.ProvinceId}:{c.Code}:{c.NameFa}:{c.NameEn}:{c.IsActive}").ToListAsync()),
        string.Join(',', await db.Neighbourhoods.OrderBy(n => n.Id).Select(n => $"{n.Id}:{n.CountyId}:{n.Code}:{n.NameFa}:{n.NameEn}:{n.IsActive}").ToListAsync()),
        await db.AuditEvents.CountAsync()));

    public static Task<long> LastAuditEventAsync(this TestApp app) => app.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);
}
