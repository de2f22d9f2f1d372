using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Queries.GetMyMessagePreferences;

/// <summary>The messages a resident may turn off, each on or off for them, and the language their texts are written in.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetMyMessagePreferences : IQuery<MyMessagePreferences>, ICallerScoped;

public sealed record MyMessagePreferences(string Language, IReadOnlyList<MessageChoice> Kinds);

/// <summary>One kind of message and whether the resident receives it.</summary>
public sealed record MessageChoice(MessageKind Kind, bool On);

public sealed class GetMyMessagePreferencesHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetMyMessagePreferences, MyMessagePreferences>
{
    public async ValueTask<MyMessagePreferences> Handle(GetMyMessagePreferences query, CancellationToken cancellationToken)
    {
        var language = await db.Residents.AsNoTracking().Where(r => r.Id == user.ResidentId).Select(r => r.Language).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
        var off = await db.MessageOptOuts.AsNoTracking().Where(o => o.ResidentId == user.ResidentId).Select(o => o.Kind).ToListAsync(cancellationToken);
        return new MyMessagePreferences(language, [.. MessageKinds.ResidentChoosable.Select(kind => new MessageChoice(kind, !off.Contains(kind)))]);
    }
}
