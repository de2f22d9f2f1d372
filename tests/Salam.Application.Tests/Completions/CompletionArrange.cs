using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Completions.Commands.AnswerCompletionCheck;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Common;
using Salam.Domain.Duties;
using Salam.Testing;

namespace Salam.Application.Tests.Completions;

/// <summary>Done duties of Pardisan, its residents' answers, and a fingerprint of everything an answer could write.</summary>
internal static class CompletionArrange
{
    public const string Manager = "agency.qom.welfare";

    /// <summary>A fresh welfare duty in Pardisan, accepted and marked Done by its agency now.</summary>
    public static async Task<Duty> DoneDutyAsync(this TestApp app)
    {
        var duty = await WelfareDuties.NewAsync(app, DutyStatus.Accepted);
        await app.SendAsync<DutyState>(await app.PrincipalOfAsync(Manager), new AdvanceDuty(duty.Id, DutyStatus.Done, 100, "انجام شد", duty.Version));
        return await app.ReadAsync(db => db.Duties.AsNoTracking().SingleAsync(d => d.Id == duty.Id));
    }

    public static async Task<ClaimsPrincipal[]> ResidentsOfAsync(this TestApp app, int neighbourhoodId, int count)
    {
        var residents = new ClaimsPrincipal[count];
        for (var i = 0; i < count; i++) residents[i] = await app.NewResidentAsync(neighbourhoodId);
        return residents;
    }

    public static int ResidentId(this ClaimsPrincipal resident) => int.Parse(resident.FindFirst("salam:resident")!.Value, CultureInfo.InvariantCulture);

    public static Task<CompletionAnswered> AnswerAsync(this TestApp app, ClaimsPrincipal resident, int dutyId, CompletionAnswer answer, string? note = null) =>
        app.SendAsync<CompletionAnswered>(resident, new AnswerCompletionCheck(dutyId, answer, note));

    /// <summary>Answers, duties' states and timelines, notices and roll-up marks: a refused answer changes none of them.</summary>
    public static Task<string> CompletionFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        string.Join(',', await db.CompletionChecks.OrderBy(c => c.Id).Select(c => $"{c.Id}:{c.DutyId}:{c.ResidentId}:{c.Answer}:{c.Note}").ToListAsync()),
        string.Join(',', await db.Duties.OrderBy(d => d.Id).Select(d => $"{d.Id}:{d.Status}:{d.Version}").ToListAsync()),
        await db.DutyUpdates.CountAsync(), await db.AgencyNotifications.CountAsync(), await db.RollupMarks.CountAsync()));
}
