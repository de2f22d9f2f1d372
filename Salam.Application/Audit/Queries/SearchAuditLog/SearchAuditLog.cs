using Salam.Application.Common.Search;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Audit;
using Salam.Domain.Common;
using Salam.Domain.People;

namespace Salam.Application.Audit.Queries.SearchAuditLog;

/// <summary>
/// The audit log, newest first, filtered by who acted (name or account id), what kind of thing changed and the programme days
/// it happened on. The administrator reads every entry; a provincial officer the entries of their own province.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record SearchAuditLog(string? Actor = null, string? Kind = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = SearchAuditLog.DefaultPageSize)
    : IQuery<AuditPage>, ICallerScoped
{
    public const int DefaultPageSize = 50;

    /// <summary>What one export may hold: a year of a busy province, well within a spreadsheet.</summary>
    public const int MaxPageSize = 100_000;
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record AuditEntry(long Id, DateTimeOffset At, int? ActorUserId, string Actor, AuditAction Action, string Kind, int SubjectId, int? ProvinceId, string? Before, string? After);

public sealed class SearchAuditLogValidator : AbstractValidator<SearchAuditLog>
{
    public SearchAuditLogValidator()
    {
        RuleFor(q => q.Actor).MaximumLength(200).WithMessage(_ => Text.Get("Audit.ActorTooLong", 200));
        RuleFor(q => q.Kind).Must(k => k is null || AuditKinds.All.Contains(k)).WithMessage(_ => Text.Get("Audit.UnknownKind"));
        RuleFor(q => q.To).Must((q, to) => q.From is null || to is null || q.From <= to).WithMessage(_ => Text.Get("Audit.DatesReversed"));
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, SearchAuditLog.MaxPageSize);
    }
}

public sealed class SearchAuditLogHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<SearchAuditLog, AuditPage>
{
    public async ValueTask<AuditPage> Handle(SearchAuditLog query, CancellationToken cancellationToken)
    {
        var log = db.AuditEvents.AsNoTracking();
        if (user.Role == Role.ProvinceOfficer) log = log.Where(e => e.ProvinceId == user.ProvinceId);
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = Digits.ToLatin(query.Actor).Trim();
            log = int.TryParse(actor, out var id) ? log.Where(e => e.ActorUserId == id) : log.WhereAnyContains(actor, e => e.Actor);
        }
        if (query.Kind is { } kind) log = log.Where(e => e.Kind == kind);
        if (query.From is { } from)
        {
            var start = ProgrammeCalendar.StartOf(from);
            log = log.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = ProgrammeCalendar.StartOf(to.AddDays(1));
            log = log.Where(e => e.At < end);
        }

        var total = await log.CountAsync(cancellationToken);
        var entries = await log.OrderByDescending(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(e => new AuditEntry(e.Id, e.At, e.ActorUserId, e.Actor, e.Action, e.Kind, e.SubjectId, e.ProvinceId, e.Before, e.After))
            .ToListAsync(cancellationToken);
        return new AuditPage(entries, total, query.Page, query.PageSize);
    }
}

/// <summary>The kinds of things the audit log records (see Salam.Infrastructure's AuditTrail).</summary>
public static class AuditKinds
{
    public static readonly IReadOnlyList<string> All = ["Account", "Province", "County", "Neighbourhood", "Centre", "Agency", "Resident",
        "Round", "Ballot", "PaperBatch", "RoundCount", "RoundRecount", "Meeting", "MeetingDecision", "SuccessStory",
        "Campaign", "Donation", "Shift", "NationalEvent", "Message"];
}
