import FleetTerminal
print("fleettop")
