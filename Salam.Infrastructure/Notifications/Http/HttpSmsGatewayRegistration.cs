using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Salam.Infrastructure.Notifications.Http;

public static class HttpSmsGatewayRegistration
{
    /// <summary>Registers the HTTP SMS gateway as ISmsGateway from Notifications:Sms:Http (Url, ApiKey, Sender, TimeoutSeconds).</summary>
    // Contract stub for issue 18: the providers helper implements it.
    public static IServiceCollection AddHttpSmsGateway(this IServiceCollection services, IConfigurationSection section) =>
        throw new NotImplementedException("issue 18: HTTP SMS gateway");
}
