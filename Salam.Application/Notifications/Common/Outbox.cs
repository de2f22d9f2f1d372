using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Common;

/// <summary>
/// Queues messages in the caller's unit of work: the handler's own SaveChanges writes them with the change that causes them,
/// so a refused or rolled-back change sends nothing. Each message's topic is "{kind}:{about}" (about: "round:12"); a person
/// already queued for a topic is skipped, so a job or a retried command queues nothing twice (and the unique dedupe key
/// refuses what a race lets through).
/// </summary>
public static class Outbox
{
    public static string Topic(MessageKind kind, string about) => $"{kind}:{about}";

    /// <summary>
    /// One SMS to each confirmed resident in <paramref name="residents"/> who has not turned <paramref name="kind"/> off, in
    /// their language, ending with how to stop such texts. <paramref name="text"/> writes the text for a language.
    /// </summary>
    /// <returns>How many were queued.</returns>
    public static async Task<int> QueueSmsToResidentsAsync(this ISalamDbContext db, IQueryable<Resident> residents, MessageKind kind, string about,
        Func<string, string> text, DateTimeOffset at, int? roundId, CancellationToken cancellationToken)
    {
        var topic = Topic(kind, about);
        var queued = db.OutboxMessages.Where(m => m.Topic == topic);
        var targets = await residents
            .Where(r => r.Status == ResidentStatus.Confirmed)
            .Where(r => !db.MessageOptOuts.Any(o => o.ResidentId == r.Id && o.Kind == kind))
            .Where(r => !queued.Any(m => m.ResidentId == r.Id))
            .Select(r => new { r.Id, r.Mobile, r.Language })
            .ToListAsync(cancellationToken);
        // Written once per language, not once per resident.
        var bodies = targets.Select(t => t.Language).Distinct()
            .ToDictionary(language => language, language => $"{text(language)}\n{MessageText.Render(language, "Messages.StopFooter")}");
        foreach (var target in targets)
            db.OutboxMessages.Add(new OutboxMessage(kind, MessageChannel.Sms, target.Mobile, null, bodies[target.Language], topic, $"r{target.Id}", at,
                residentId: target.Id, roundId: roundId));
        return targets.Count;
    }

    /// <summary>One e-mail to each staff account of the audience that has an address, in its language.</summary>
    /// <param name="message">The subject and body for a language.</param>
    public static async Task<int> QueueEmailToStaffAsync(this ISalamDbContext db, IUserDirectory users, StaffAudience audience, MessageKind kind, string about,
        Func<string, (string Subject, string Body)> message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var topic = Topic(kind, about);
        var recipients = await users.RecipientsAsync(audience, cancellationToken);
        var told = (await db.OutboxMessages.Where(m => m.Topic == topic && m.UserId != null).Select(m => m.UserId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var count = 0;
        foreach (var recipient in recipients.Where(r => !told.Contains(r.UserId)))
        {
            var (subject, body) = message(recipient.Language);
            db.OutboxMessages.Add(new OutboxMessage(kind, MessageChannel.Email, recipient.Email, subject, body, topic, $"u{recipient.UserId}", at, userId: recipient.UserId));
            count++;
        }
        return count;
    }

    /// <summary>
    /// A daily job's save: a unique dedupe key refused means another run (another node) queued the same messages at the same
    /// moment, and its transaction did the work, so this run queued none.
    /// </summary>
    /// <returns><paramref name="queued"/>, or 0 when another run won.</returns>
    public static async Task<int> SaveQueuedAsync(this ISalamDbContext db, int queued, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return queued;
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            db.DiscardChanges();
            return 0;
        }
    }
}
