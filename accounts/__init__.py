"""Partner accounts that look after themselves: sign-in (with the second factor for staff), password reset,
invitation by the secretariat, address change confirmed at the new address, the account page."""
