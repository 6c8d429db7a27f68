using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancelGen.AspNetCore.Tests.Support;

/// <summary>Authenticates the user named in the <c>X-Test-User</c> header (NameIdentifier claim), or by name only with <c>X-Test-Name</c>; no header = anonymous.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string UserHeader = "X-Test-User";
    public const string NameHeader = "X-Test-Name";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Claim? claim = Request.Headers.TryGetValue(UserHeader, out var user)
            ? new Claim(ClaimTypes.NameIdentifier, user.ToString())
            : Request.Headers.TryGetValue(NameHeader, out var name) ? new Claim(ClaimTypes.Name, name.ToString()) : null;
        if (claim is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([claim], SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
