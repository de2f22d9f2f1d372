using System.Reflection;
using Mediator;
using Salam.Application.Common.Security;

namespace Salam.Architecture.Tests;

/// <summary>Every request says who may send it and what it touches, so the pipeline can refuse before any handler runs.</summary>
public sealed class RequestDeclarationTests
{
    private static readonly IReadOnlyList<Type> Requests = typeof(Salam.Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
        .OrderBy(t => t.FullName)
        .ToList();

    [Fact]
    public void Every_request_declares_the_roles_that_may_send_it()
    {
        Assert.True(Requests.Count >= 45, $"found only {Requests.Count} requests");
        var undeclared = Requests.Where(t => t.GetCustomAttribute<AllowedRolesAttribute>() is not { } roles || (roles.Roles.Count == 0 && !roles.AllowSystem && !roles.Public));
        Assert.Equal([], undeclared.Select(t => t.FullName));
    }

    [Fact]
    public void Every_request_declares_its_scope()
    {
        Assert.Equal([], Requests.Where(t => !typeof(IScoped).IsAssignableFrom(t)).Select(t => t.FullName));
    }

    [Fact]
    public void Only_requests_for_what_is_published_are_open_to_anyone_and_they_say_so_in_their_scope()
    {
        // Public is the one way past sign-in; a request that takes it must declare IPublicScoped (and read only what is published).
        var open = Requests.Where(t => t.GetCustomAttribute<AllowedRolesAttribute>()?.Public == true).Select(t => t.FullName).ToList();
        var publicScoped = Requests.Where(t => typeof(IPublicScoped).IsAssignableFrom(t)).Select(t => t.FullName).ToList();
        Assert.NotEmpty(open);
        Assert.Equal(open, publicScoped);
        Assert.All(Requests.Where(t => t.GetCustomAttribute<AllowedRolesAttribute>()?.Public == true),
            t => Assert.Empty(t.GetCustomAttribute<AllowedRolesAttribute>()!.Roles));
    }

    [Fact]
    public void No_handler_checks_scope_itself_the_pipeline_does()
    {
        // ScopeGuard offers handlers only filters for lists; checks of single things live in the ScopeResolver, which handlers do not take.
        var handlers = typeof(Salam.Application.DependencyInjection).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.Name.Contains("Handler", StringComparison.Ordinal)));
        Assert.Equal([], handlers.Where(h => h.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(ScopeResolver)))).Select(h => h.FullName));
        Assert.DoesNotContain(typeof(ScopeGuard).GetMethods(), m => m.Name.StartsWith("Ensure", StringComparison.Ordinal));
    }
}
