using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Queries.GetDeadMessages;

/// <summary>
/// The messages set aside after their last failed attempt, newest first, for the administrator to send again. The recipient
/// is partly masked: the admin needs to tell messages apart, not to read people's numbers and addresses.
/// </summary>
[AllowedRoles(Role.Admin)]
public sealed record GetDeadMessages(int Page = 0, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<DeadMessage>>, INationalScoped;

public sealed record DeadMessage(int Id, MessageKind Kind, MessageChannel Channel, string Recipient, string? LastError, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? DeadAt);

public sealed class GetDeadMessagesValidator : AbstractValidator<GetDeadMessages>
{
    public GetDeadMessagesValidator() => this.PageRules(q => q.Page, q => q.PageSize);
}

public sealed class GetDeadMessagesHandler(ISalamDbContext db) : IQueryHandler<GetDeadMessages, Paged<DeadMessage>>
{
    public async ValueTask<Paged<DeadMessage>> Handle(GetDeadMessages query, CancellationToken cancellationToken)
    {
        var dead = db.OutboxMessages.AsNoTracking().Where(m => m.Status == MessageStatus.Dead);
        var total = await dead.CountAsync(cancellationToken);
        var rows = await dead.OrderByDescending(m => m.DeadAt).ThenByDescending(m => m.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(m => new DeadMessage(m.Id, m.Kind, m.Channel, m.Recipient, m.LastError, m.Attempts, m.CreatedAt, m.DeadAt))
            .ToListAsync(cancellationToken);
        return new Paged<DeadMessage>([.. rows.Select(r => r with { Recipient = RecipientMask.Of(r.Recipient) })], total);
    }
}

/// <summary>Enough of a number or address to tell two apart: "0912***4567", "m***@example.org".</summary>
public static class RecipientMask
{
    public static string Of(string recipient)
    {
        var at = recipient.IndexOf('@');
        if (at >= 0) return at <= 1 ? "***" + recipient[at..] : recipient[0] + "***" + recipient[at..];
        return recipient.Length <= 8 ? new string('*', recipient.Length) : recipient[..4] + "***" + recipient[^4..];
    }
}
