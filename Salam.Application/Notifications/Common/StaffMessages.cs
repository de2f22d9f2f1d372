using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Common;

/// <summary>
/// The e-mails to agency managers about a duty (assigned, due soon, overdue, disputed), each written in the manager's
/// language from "Messages.{kind}.Subject" and "Messages.{kind}.Body" with the duty's title, agency, neighbourhood and due day.
/// </summary>
public static class StaffMessages
{
    /// <summary>What a duty e-mail says about its duty, read once for every manager and language.</summary>
    public sealed record DutyFacts(int Id, int AgencyId, string Title, string AgencyFa, string AgencyEn, string PlaceFa, string PlaceEn, DateOnly DueDate);

    public static IQueryable<DutyFacts> Facts(this IQueryable<Duty> duties, ISalamDbContext db) => duties.Select(d => new DutyFacts(d.Id, d.AgencyId, d.Title,
        d.Agency!.NameFa, d.Agency.NameEn,
        db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => n.NameFa).First(),
        db.Neighbourhoods.Where(n => n.Id == d.NeighbourhoodId).Select(n => n.NameEn).First(), d.DueDate));

    /// <summary>Queues the e-mail of <paramref name="kind"/> about a duty to its agency's managers; <paramref name="about"/> tells occasions apart.</summary>
    public static Task<int> QueueDutyEmailAsync(this ISalamDbContext db, IUserDirectory users, MessageKind kind, DutyFacts duty, string about,
        DateTimeOffset at, CancellationToken cancellationToken) =>
        db.QueueEmailToStaffAsync(users, new StaffAudience(Role.AgencyManager, AgencyId: duty.AgencyId), kind, about, language =>
        {
            object[] args = [MessageText.Fit(duty.Title, 120), language == Languages.English ? duty.AgencyEn : duty.AgencyFa,
                language == Languages.English ? duty.PlaceEn : duty.PlaceFa, Day(language, duty.DueDate)];
            return (MessageText.Render(language, $"Messages.{kind}.Subject", args), MessageText.Render(language, $"Messages.{kind}.Body", args));
        }, at, cancellationToken);

    /// <summary>The same, reading the duty by its id (a duty added in this unit of work has none yet: pass its facts).</summary>
    public static async Task<int> QueueDutyEmailAsync(this ISalamDbContext db, IUserDirectory users, MessageKind kind, int dutyId, string about,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var duty = await db.Duties.AsNoTracking().Where(d => d.Id == dutyId).Facts(db).SingleAsync(cancellationToken);
        return await db.QueueDutyEmailAsync(users, kind, duty, about, at, cancellationToken);
    }

    /// <summary>A programme day as its reader writes it: Jalali, with Persian digits in Persian.</summary>
    public static string Day(string language, DateOnly day) =>
        language == Languages.English ? JalaliDate.Format(day) : Digits.ToPersian(JalaliDate.Format(day));

    /// <summary>A day in a topic: "1405-09-14".</summary>
    public static string TopicDay(DateOnly day) => JalaliDate.Format(day).Replace('/', '-');
}
