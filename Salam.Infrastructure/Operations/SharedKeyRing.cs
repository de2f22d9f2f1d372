using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace Salam.Infrastructure.Operations;

/// <summary>
/// <c>migrate</c> makes the first Data Protection key (sign-in cookies, antiforgery tokens), so nodes started together
/// afterwards all read that one key. On an empty key ring every node starting at once makes its own key; a node then
/// accepts another's cookies only through the key ring refresh Data Protection does in its first two minutes, and after
/// that not until its next refresh (a day later). See docs/decisions/0010-several-nodes.md.
/// </summary>
public static class SharedKeyRing
{
    public static OperatorOutcome Prepare(IServiceProvider services, OperatorOutcome migrated)
    {
        if (!migrated.Succeeded) return migrated;
        var before = services.GetRequiredService<IKeyManager>().GetAllKeys().Count;
        // Asking for a protector's default key creates it when the ring has none usable (none at all, or all expiring).
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Salam.KeyRing").Protect([0]);
        var made = services.GetRequiredService<IKeyManager>().GetAllKeys().Count - before;
        return migrated with
        {
            Message = migrated.Message + (made > 0 ? " Made the Data Protection key the nodes will share." : " The Data Protection key ring has a key."),
        };
    }
}
