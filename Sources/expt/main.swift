print("expt: under construction")
